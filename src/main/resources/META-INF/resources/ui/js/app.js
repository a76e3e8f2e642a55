// Entry point: hash router (#/overview, #/flows, #/flows/<id>, #/executions, #/executions/<id>), the
// header, and the sign-in gate. Each view returns a cleanup function that drops its subscriptions.
import { session } from './session.js';
import { live } from './ws.js';
import { loginView } from './views/login.js';
import { overviewView } from './views/overview.js';
import { flowsView, flowView } from './views/flows.js';
import { executionsView } from './views/executions.js';
import { detailView } from './views/detail.js';

const main = document.getElementById('main');
const top = document.getElementById('top');
let cleanup = null;
let signOutMessage = null;

const routes = [
  [/^#\/overview$/, () => overviewView(main)],
  [/^#\/flows$/, () => flowsView(main)],
  [/^#\/flows\/([^/]+)$/, id => flowView(main, id)],
  [/^#\/executions$/, () => executionsView(main)],
  [/^#\/executions\/([^/]+)$/, id => detailView(main, id)],
];

function render() {
  if (cleanup) { try { cleanup(); } catch { /* a view's cleanup must not block navigation */ } }
  cleanup = null;
  if (!session.valid()) {
    const message = signOutMessage || (session.token ? 'Your session expired. Please sign in again.' : null);
    if (session.token) sessionStorage.removeItem('fdl.token');
    signOutMessage = null;
    top.hidden = true;
    live.stop();
    cleanup = loginView(main, message, () => {
      const target = location.hash && location.hash !== '#/' ? location.hash : '#/overview';
      if (location.hash === target) render(); else location.hash = target;
    });
    return;
  }
  top.hidden = false;
  const c = session.claims;
  document.getElementById('who').textContent = `${c.sub || 'user'} · ${c.tenant_id || ''} · ${(c.roles || []).join(', ')}`;
  session.watchExpiry();
  live.start();
  const hash = location.hash || '#/overview';
  const section = hash.split('/')[1];
  for (const a of document.querySelectorAll('[data-nav]')) {
    if (a.dataset.nav === section) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  for (const [re, view] of routes) {
    const m = hash.match(re);
    if (m) {
      cleanup = view(...m.slice(1).map(decodeURIComponent));
      // keyboard users continue from the new view, not from a link that is gone
      if (!main.contains(document.activeElement)) main.focus({ preventScroll: true });
      return;
    }
  }
  location.replace('#/overview');
}

session.onSignOut(message => {
  signOutMessage = message;
  render();
});

live.onStatus(on => {
  const el = document.getElementById('live');
  el.textContent = on ? 'live' : 'offline';
  el.className = `live ${on ? 'on' : 'off'}`;
});

// the skip link must not become a route
document.querySelector('.skip').addEventListener('click', ev => { ev.preventDefault(); main.focus(); });
document.getElementById('logout').addEventListener('click', () => session.signOut('You are signed out.'));
window.addEventListener('hashchange', render);
render();
