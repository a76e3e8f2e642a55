// REST client: every call carries the bearer token; a 401 ends the session with a message.
import { session } from './session.js';

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error || `HTTP ${status}`);
    this.status = status;
    this.code = body?.code;
    this.body = body || {};
  }
}

export async function api(path, { method = 'GET', body, auth = true } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (auth && session.token) headers.Authorization = `Bearer ${session.token}`;
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch { json = { error: text }; }
  }
  if (res.status === 401 && auth) {
    session.signOut('Your session expired or is no longer valid. Please sign in again.');
  }
  if (!res.ok) throw new ApiError(res.status, json);
  return json;
}

export const q = params => {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, v);
  const t = u.toString();
  return t ? `?${t}` : '';
};

let openapi = null;
/** Whether the server offers an operation (feature detection through the OpenAPI document). */
export async function offers(pathPattern, verb) {
  if (!openapi) {
    openapi = fetch('/openapi?format=json', { headers: { Accept: 'application/json' } })
      .then(r => (r.ok ? r.json() : { paths: {} }))
      .catch(() => ({ paths: {} }));
  }
  const doc = await openapi;
  return Object.entries(doc.paths || {}).some(([p, ops]) => pathPattern.test(p) && ops && ops[verb]);
}
