#!/usr/bin/env node
// A whole Livechat conversation with Rocket.Chat's own client library, @rocket.chat/ddp-client's LivechatClientImpl
// (REST + DDP over /websocket), against this system. README.md, The Livechat widget.
//
// usage: node conversation.mjs <apiUrl> [<agentApiUrl>]
//   apiUrl       the visitor's server, e.g. http://localhost:3000 (REST under /api/v1, DDP at /websocket)
//   agentApiUrl  the agent's server (default apiUrl): the agent logs in and replies there, and a second socket
//                watches the visitor's typing there, so with two gateways every realtime event crosses Kafka
// env: E2E_ADMIN_USER / E2E_ADMIN_PASS (the agent, default admin / admin), E2E_STEP_TIMEOUT_MS (default 10000)
//
// Steps: config, register, room, agent info, subscribe, send (the visitor's message comes back on the stream),
// agent reply (arrives on the stream), typing (user-activity reaches the other socket), history (newest first),
// visitor status, close (the livechat-close message arrives), next room (a new rid). Prints one JSON line:
// {"ok":true,"rid":…,"nextRid":…,…,"stepMs":{…}}, exit 0; or {"ok":false,"step":…,"error":…}, exit 1.
import ddp from '@rocket.chat/ddp-client';
import { WebSocket } from 'ws';
import { agentLogin, agentSend, runner, waitFor } from './lib.mjs';

globalThis.WebSocket ??= WebSocket;
const { LivechatClientImpl } = ddp;

const [apiUrl, agentApiUrl = apiUrl] = process.argv.slice(2);
if (!apiUrl) {
  console.error('usage: node conversation.mjs <apiUrl> [<agentApiUrl>]');
  process.exit(2);
}

const { step, done } = runner();
const token = `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;
const received = [];
const activity = [];

const visitor = LivechatClientImpl.create(apiUrl, { retryCount: 0, retryTime: 1000 });
await step('connect', () => visitor.connection.connect());
const config = await step('config', () => visitor.config({}));
const registered = await step('register', () => visitor.grantVisitor({
  visitor: { token, name: 'E2E Visitor', email: `${token}@example.com` },
}));
const room = await step('room', () => visitor.room());
const rid = room._id;
const agentInfo = await step('agent info', () => visitor.agent(rid));

await step('subscribe', async () => {
  visitor.onMessage((message) => received.push(message));
  await visitor.subscribeRoom(rid);
  await Promise.all([...visitor.client.subscriptions.values()].map((subscription) => subscription.ready()));
});

const text = `hello from ${token}`;
const sent = await step('send', async () => {
  const { message } = await visitor.sendMessage({ rid, msg: text });
  await waitFor(received, (m) => m._id === message._id && m.msg === text);
  return message;
});

const agent = await step('agent login', () => agentLogin(agentApiUrl));
const replyText = `reply to ${token}`;
const reply = await step('agent reply', async () => {
  const message = await agentSend(agentApiUrl, agent, rid, replyText);
  return waitFor(received, (m) => m._id === message._id && m.msg === replyText);
});

// The visitor types; a second socket of the same visitor, on the agent's server, must see it (Rocket.Chat never
// echoes an activity to the socket that sent it).
const observer = LivechatClientImpl.create(agentApiUrl, { retryCount: 0, retryTime: 1000 });
observer.token = token;
await step('typing', async () => {
  await observer.connection.connect();
  observer.onUserActivity((username, activities) => activity.push({ username, activities }));
  await observer.subscribeRoom(rid);
  await Promise.all([...observer.client.subscriptions.values()].map((subscription) => subscription.ready()));
  await visitor.notifyVisitorActivity(rid, registered.visitor.username, ['user-typing']);
  return waitFor(activity, (a) => a.username === registered.visitor.username && a.activities.includes('user-typing'));
});

const history = await step('history', async () => {
  const messages = await visitor.loadMessages(rid, { limit: 20 });
  const ids = messages.map((m) => m._id);
  if (ids.indexOf(reply._id) < 0 || ids.indexOf(sent._id) < 0 || ids.indexOf(reply._id) > ids.indexOf(sent._id)) {
    throw new Error(`history lacks the two messages newest first: ${JSON.stringify(ids)}`);
  }
  return messages;
});

const status = await step('visitor status', () => visitor.updateVisitorStatus('away'));

const closed = await step('close', async () => {
  await visitor.closeChat({ rid });
  return waitFor(received, (m) => m.t === 'livechat-close' && m.rid === rid);
});

const nextRoom = await step('next room', async () => {
  const next = await visitor.room();
  if (next._id === rid) {
    throw new Error(`GET livechat/room answered the closed room ${rid} again`);
  }
  return next;
});

done({
  apiUrl,
  agentApiUrl,
  online: config.online,
  visitor: registered.visitor.username,
  rid,
  agent: agentInfo?.username,
  received: received.map((m) => m.t || 'message'),
  history: history.length,
  status,
  closeMessage: closed._id,
  nextRid: nextRoom._id,
});
