// The access token lives in sessionStorage only (gone with the tab); it is never put in a URL.
const KEY = 'fdl.token';
let expiryTimer = null;
const listeners = new Set();

function decode(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(atob(part).split('').map(c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
    return JSON.parse(json);
  } catch {
    return null;
  }
}

export const session = {
  get token() { return sessionStorage.getItem(KEY); },
  get claims() { const t = this.token; return t ? decode(t) : null; },
  get roles() { return this.claims?.roles || []; },
  get isAdmin() { return this.roles.includes('admin') || this.roles.includes('superadmin'); },
  can(role) {
    const order = ['viewer', 'executor', 'editor', 'admin', 'superadmin'];
    const need = order.indexOf(role);
    return this.roles.some(r => order.indexOf(r) >= need);
  },
  /** A token whose exp has passed is not a session: it ends with the given message. */
  valid() {
    const c = this.claims;
    return !!c && (!c.exp || c.exp * 1000 > Date.now());
  },
  signIn(token) {
    sessionStorage.setItem(KEY, token);
    this.watchExpiry();
  },
  signOut(message) {
    sessionStorage.removeItem(KEY);
    clearTimeout(expiryTimer);
    for (const l of listeners) l(message || null);
  },
  onSignOut(fn) { listeners.add(fn); },
  watchExpiry() {
    clearTimeout(expiryTimer);
    const exp = this.claims?.exp;
    if (!exp) return;
    const left = exp * 1000 - Date.now();
    // setTimeout caps at ~24.8 days; tokens live far shorter
    if (left > 0 && left < 2 ** 31) expiryTimer = setTimeout(() => this.signOut('Your session expired. Please sign in again.'), left);
  },
};
