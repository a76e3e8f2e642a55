// Live events of everything the user may see: the whole tenant for admins, otherwise each flow.
import { api } from '../api.js';
import { live } from '../ws.js';
import { session } from '../session.js';

export function tenantFeed(onEvent) {
  const offs = [];
  let stopped = false;
  if (session.isAdmin) {
    offs.push(live.subscribe({}, onEvent));
  } else {
    api('/api/flows?limit=100').then(res => {
      if (stopped) return;
      for (const f of res.flows) offs.push(live.subscribe({ flow_id: f.id }, onEvent));
    }).catch(() => {});
  }
  return () => { stopped = true; offs.forEach(off => off()); };
}

/** Runs fn at most once per `ms`, trailing: bursts of events cause one reload. */
export function debounce(fn, ms) {
  let t = null;
  const wrapped = () => { clearTimeout(t); t = setTimeout(fn, ms); };
  wrapped.cancel = () => clearTimeout(t);
  return wrapped;
}

export const TERMINAL = new Set(['completed', 'failed', 'cancelled']);
