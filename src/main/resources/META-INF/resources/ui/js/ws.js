// JSON-RPC client for /ws (api.md §6). It authenticates with a first `auth` call, so the token never
// appears in a URL; it resubscribes after a reconnect (executions resume with after_seq: no gap, no duplicate).
import { session } from './session.js';

let socket = null;
let nextId = 1;
let retry = 0;
let closedByUs = false;
let reconnectTimer = null;
const pending = new Map();           // rpc id -> {resolve, reject}
const subs = new Map();              // key -> {params, listeners:Set, lastSeq, seen}
const statusListeners = new Set();

const keyOf = p => (p.execution_id ? `x:${p.execution_id}` : p.flow_id ? `f:${p.flow_id}` : 'tenant');

function setStatus(on) { for (const l of statusListeners) l(on); }

function call(method, params) {
  return new Promise((resolve, reject) => {
    if (!socket || socket.readyState !== WebSocket.OPEN) { reject(new Error('socket not open')); return; }
    const id = nextId++;
    pending.set(id, { resolve, reject });
    socket.send(JSON.stringify({ jsonrpc: '2.0', method, params, id }));
  });
}

function sendSubscribe(key) {
  const sub = subs.get(key);
  if (!sub) return;
  const params = { ...sub.params };
  if (params.execution_id) params.after_seq = sub.lastSeq;
  call('subscribe', params).catch(err => {
    for (const l of sub.listeners) l.onError?.(err);
  });
}

function dispatch(ev) {
  const x = subs.get(`x:${ev.execution_id}`);
  // the same event may also arrive through a tenant/flow subscription, possibly before the replay:
  // keep every seq once, and resume after the highest seq below which nothing is missing
  if (x && !x.seen.has(ev.seq)) {
    x.seen.add(ev.seq);
    while (x.seen.has(x.lastSeq + 1)) x.lastSeq++;
    for (const l of x.listeners) l.onEvent(ev);
  }
  for (const [key, sub] of subs) {
    if (key.startsWith('x:')) continue;
    for (const l of sub.listeners) l.onEvent(ev);
  }
}

function onMessage(msg) {
  let m;
  try { m = JSON.parse(msg.data); } catch { return; }
  if (m.type === 'pong') return;
  if (m.id === null && m.result?.method === 'execution.event') { dispatch(m.result.params); return; }
  const p = pending.get(m.id);
  if (!p) return;
  pending.delete(m.id);
  if (m.error) {
    const e = new Error(m.error.message);
    e.code = m.error.code;
    p.reject(e);
  } else p.resolve(m.result);
}

function connect() {
  if (!session.token || (socket && socket.readyState <= WebSocket.OPEN)) return;
  closedByUs = false;
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
  const ws = new WebSocket(url);
  socket = ws;
  ws.addEventListener('open', async () => {
    if (socket !== ws) return; // stopped (signed out) while connecting
    try {
      await call('auth', { token: session.token });
    } catch (e) {
      if (e.code === -32001) session.signOut('Your session expired or is no longer valid. Please sign in again.');
      return;
    }
    retry = 0;
    setStatus(true);
    for (const key of subs.keys()) sendSubscribe(key);
  });
  ws.addEventListener('message', onMessage);
  ws.addEventListener('close', () => {
    for (const p of pending.values()) p.reject(new Error('socket closed'));
    pending.clear();
    setStatus(false);
    if (socket === ws) socket = null;
    if (!closedByUs && session.token) {
      retry = Math.min(retry + 1, 6);
      reconnectTimer = setTimeout(connect, 250 * 2 ** retry);
    }
  });
  // the error is followed by close, which schedules the reconnect; nothing to log
  ws.addEventListener('error', () => {});
}

export const live = {
  start: connect,
  stop() {
    closedByUs = true;
    clearTimeout(reconnectTimer);
    subs.clear();
    // closing a socket that is still connecting makes the browser log an error: close it once open
    if (socket?.readyState === WebSocket.CONNECTING) {
      const ws = socket;
      ws.addEventListener('open', () => ws.close(1000, 'signed out'));
    } else if (socket) socket.close(1000, 'signed out');
    socket = null;
  },
  onStatus(fn) { statusListeners.add(fn); },
  get connected() { return !!socket && socket.readyState === WebSocket.OPEN; },
  /**
   * Subscribes to an execution ({execution_id}, replayed from seq 1), a flow ({flow_id}) or the whole
   * tenant ({}). Returns the function that ends this listener's interest.
   */
  subscribe(params, onEvent, onError) {
    const key = keyOf(params);
    let sub = subs.get(key);
    const listener = { onEvent, onError };
    if (!sub) {
      sub = { params, listeners: new Set(), lastSeq: 0, seen: new Set() };
      subs.set(key, sub);
      sub.listeners.add(listener);
      if (this.connected) sendSubscribe(key);
      else connect();
    } else sub.listeners.add(listener);
    return () => {
      sub.listeners.delete(listener);
      if (sub.listeners.size === 0 && subs.get(key) === sub) {
        subs.delete(key);
        if (this.connected) call('unsubscribe', params).catch(() => {});
      }
    };
  },
};
