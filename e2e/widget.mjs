#!/usr/bin/env node
// The published Livechat widget (@rocket.chat/livechat, served by this system at /livechat) embedded with Rocket.Chat's
// standard snippet in a page of another origin, driven in headless Chromium. README.md, The Livechat widget.
//
// usage: node widget.mjs <serverUrl>        e.g. http://localhost:3000
// env: E2E_ADMIN_USER / E2E_ADMIN_PASS (the agent, default admin / admin), CHROMIUM (default /usr/bin/chromium),
//      E2E_OUT (screenshots, default e2e/out), E2E_STEP_TIMEOUT_MS (default 10000)
//
// Steps: host page (a tiny HTTP server on 127.0.0.1, another origin) loads the loader and the widget's iframe, open
// the widget, register (the name/email form when the server asks for it), send a message (it shows in the widget),
// the agent replies over REST chat.sendMessage (the reply shows in the widget), finish the chat from the widget's
// options menu (the widget shows the chat as finished). Screenshots at each step in E2E_OUT. Prints one JSON line and
// exits 0, or {"ok":false,"step":…,"error":…} and exits 1.
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { agentLogin, agentSend, runner } from './lib.mjs';

const [serverArg] = process.argv.slice(2);
if (!serverArg) {
  console.error('usage: node widget.mjs <serverUrl>');
  process.exit(2);
}
const server = serverArg.replace(/\/$/, '');
const out = process.env.E2E_OUT || path.join(path.dirname(fileURLToPath(import.meta.url)), 'out');
mkdirSync(out, { recursive: true });
let page;
const shot = (name) => page.screenshot({ path: path.join(out, `${name}.png`) });
const { step, done } = runner({ onFail: () => page && shot('failure') });
const token = Date.now().toString(36);

/** The host page: any site that pastes Rocket.Chat's Livechat snippet (Administration > Omnichannel > Installation). */
const hostPage = `<!doctype html><html><head><meta charset="utf-8"><title>A site with the Livechat widget</title></head>
<body style="font-family:sans-serif;background:#f4f6f9"><h1>A site on another origin</h1>
<p>The Rocket.Chat Livechat widget below is served by ${server}.</p>
<!-- Start of Rocket.Chat Livechat Script -->
<script type="text/javascript">
(function(w, d, s, u) {
  w.RocketChat = function(c) { w.RocketChat._.push(c) }; w.RocketChat._ = []; w.RocketChat.url = u;
  var h = d.getElementsByTagName(s)[0], j = d.createElement(s);
  j.async = true; j.src = '${server}/livechat/rocketchat-livechat.min.js?_=201903270000';
  h.parentNode.insertBefore(j, h);
})(window, document, 'script', '${server}/livechat');
</script>
<!-- End of Rocket.Chat Livechat Script -->
</body></html>`;

const host = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(hostPage);
});
await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
const hostUrl = `http://127.0.0.1:${host.address().port}/`;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  defaultViewport: { width: 1024, height: 760 },
});
page = await browser.newPage();
const consoleErrors = [];
page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
let frame;

/** Waits until the widget's document contains `text`. */
const frameText = (text) => frame.waitForFunction((t) => document.body && document.body.innerText.includes(t),
  { timeout: 0, polling: 100 }, text);

/** Clicks the first element of the widget matching `selector` whose text contains `text` (any text when null). */
const clickByText = (selector, text) => frame.waitForFunction((s, t) => {
  const element = [...document.querySelectorAll(s)].find((e) => t === null || e.innerText.trim().includes(t));
  if (element) {
    element.click();
  }
  return Boolean(element);
}, { timeout: 0, polling: 100 }, selector, text);

try {
  await step('host page', async () => {
    await page.goto(hostUrl, { waitUntil: 'load' });
    const iframe = await page.waitForSelector('#rocketchat-iframe', { timeout: 0 });
    frame = await iframe.contentFrame();
    await frame.waitForSelector('[class*="screen__chat-button"]', { timeout: 0 });
    await shot('01-host-page');
  });

  await step('open', async () => {
    await frame.locator('[class*="screen__chat-button"]').click();
    await page.waitForSelector('.rocketchat-widget[data-state="opened"]', { timeout: 0 });
    await frame.waitForSelector('[class*="screen__main"]', { timeout: 0 });
    await shot('02-opened');
  });

  const registered = await step('register', async () => {
    const form = await frame.waitForSelector('input[name="name"], [contenteditable="true"]', { timeout: 0 });
    const isForm = await form.evaluate((e) => e.tagName === 'INPUT');
    if (isForm) {
      await frame.type('input[name="name"]', 'Widget Visitor');
      if (await frame.$('input[name="email"]')) {
        await frame.type('input[name="email"]', `widget-${token}@example.com`);
      }
      await shot('03-registration-form');
      await frame.locator('button[type="submit"]').click();
      await frame.waitForSelector('[contenteditable="true"]', { timeout: 0 });
    }
    await shot('04-registered');
    return isForm;
  });

  const text = `Hello from the widget ${token}`;
  await step('send', async () => {
    await frame.locator('[contenteditable="true"]').click();
    await frame.type('[contenteditable="true"]', text);
    await frame.focus('[contenteditable="true"]');
    await page.keyboard.press('Enter');
    await frameText(text);
    await shot('05-sent');
  });

  const rid = await step('room', () => frame.evaluate(() => {
    // The widget keeps its state (the room among it) in its origin's localStorage under "store".
    const store = JSON.parse(window.localStorage.getItem('store') || '{}');
    if (!store.room || !store.room._id) {
      throw new Error(`the widget holds no room: ${Object.keys(store).join(',')}`);
    }
    return store.room._id;
  }));

  const replyText = `Hi, an agent here (${token})`;
  await step('agent reply', async () => {
    const agent = await agentLogin(server);
    await agentSend(server, agent, rid, replyText);
    await frameText(replyText);
    await shot('06-agent-reply');
  });

  await step('finish', async () => {
    // The footer's "Options" menu, then "Finish this chat", then "Yes" in the confirmation; the widget then shows its
    // "Chat Finished" screen (it reloads livechat/config, whose `guest` keeps the visitor registered).
    await clickByText('footer button', 'Options');
    await shot('07-options');
    await clickByText('[class*="menu__item"]', 'Finish this chat');
    await clickByText('button', 'Yes');
    await frame.waitForSelector('[class*="chat-finished"]', { timeout: 0 });
    await shot('08-finished');
  });

  done({ server, host: hostUrl, registered, rid, screenshots: out, consoleErrors });
} finally {
  await browser.close().catch(() => {});
  host.close();
}
