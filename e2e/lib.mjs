// Shared by the e2e scripts: bounded steps, one JSON summary line, and the agent's REST calls (Rocket.Chat's API).

/** Longest wait of one step, in ms (E2E_STEP_TIMEOUT_MS). */
export const STEP_TIMEOUT_MS = Number(process.env.E2E_STEP_TIMEOUT_MS || 10000);

/** The agent's credentials: the seeded admin (E2E_ADMIN_USER / E2E_ADMIN_PASS, default admin / admin). */
export const ADMIN = {
  user: process.env.E2E_ADMIN_USER || 'admin',
  password: process.env.E2E_ADMIN_PASS || 'admin',
};

/**
 * Runs the steps in order, each bounded by STEP_TIMEOUT_MS. On the first failure runs `onFail` (e.g. a screenshot), prints
 * {"ok":false,"step":<name>,"error":<text>} and exits 1; after the last prints {"ok":true,...summary} and exits 0.
 */
export function runner({ onFail } = {}) {
  const timings = {};
  let current = 'start';
  const fail = async (error) => {
    await Promise.resolve().then(onFail).catch(() => {});
    console.log(JSON.stringify({ ok: false, step: current, error: await describe(error) }));
    process.exit(1);
  };
  // A socket error outside any promise (e.g. the connection refused) fails the step that was running.
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  const step = async (name, work) => {
    current = name;
    const started = Date.now();
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${STEP_TIMEOUT_MS} ms`)), STEP_TIMEOUT_MS);
    });
    try {
      const result = await Promise.race([Promise.resolve().then(work), timeout]);
      timings[name] = Date.now() - started;
      return result;
    } catch (error) {
      return fail(error);
    } finally {
      clearTimeout(timer);
    }
  };
  const done = (summary) => {
    console.log(JSON.stringify({ ok: true, ...summary, stepMs: timings }));
    process.exit(0);
  };
  return { step, done };
}

/** @return a failure as text: a fetch Response as "<status> <body>", an Error by its message. */
export async function describe(error) {
  if (error && typeof error.status === 'number' && typeof error.text === 'function') {
    return `HTTP ${error.status} ${await error.text().catch(() => '')}`;
  }
  return error instanceof Error ? error.message : JSON.stringify(error);
}

/** Resolves with the first value `find` returns for an item pushed into `items` (already there, or later). */
export function waitFor(items, find) {
  return new Promise((resolve) => {
    const check = () => {
      for (const item of items) {
        if (find(item)) {
          return resolve(item);
        }
      }
      setTimeout(check, 25);
    };
    check();
  });
}

/** POST login as the admin through `apiUrl`: the agent's {userId, authToken, username}. */
export async function agentLogin(apiUrl) {
  const body = await rest(apiUrl, 'POST', 'login', { user: ADMIN.user, password: ADMIN.password });
  return { userId: body.data.userId, authToken: body.data.authToken, username: body.data.me?.username };
}

/** The agent's POST chat.sendMessage {message:{rid, msg}} through `apiUrl`: the stored message. */
export async function agentSend(apiUrl, agent, rid, msg) {
  const body = await rest(apiUrl, 'POST', 'chat.sendMessage', { message: { rid, msg } }, agent);
  return body.message;
}

/** One REST call to `<apiUrl>/api/v1/<path>`; rejects with "HTTP <status> <body>" unless 200. */
export async function rest(apiUrl, method, path, body, agent) {
  const headers = { 'Content-Type': 'application/json' };
  if (agent) {
    headers['X-User-Id'] = agent.userId;
    headers['X-Auth-Token'] = agent.authToken;
  }
  const response = await fetch(`${apiUrl.replace(/\/$/, '')}/api/v1/${path}`,
    { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (response.status !== 200) {
    throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
  }
  return JSON.parse(text);
}
