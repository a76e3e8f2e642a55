import { h, mount } from '../dom.js';
import { api } from '../api.js';
import { session } from '../session.js';

export function loginView(main, message, done) {
  const error = h('div', { class: 'error-box', role: 'alert', id: 'login-error', hidden: true });
  const user = h('input', { name: 'username', autocomplete: 'username', required: true, autofocus: true });
  const pass = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const tenant = h('input', { name: 'tenant_id', placeholder: 'default' });
  const submit = h('button', { type: 'submit' }, 'Sign in');
  const form = h('form', { class: 'panel login', id: 'login-form', novalidate: false },
    h('h1', {}, 'FDL Runtime'),
    message ? h('div', { class: 'notice', role: 'status', id: 'login-message' }, message) : null,
    error,
    h('label', {}, h('span', {}, 'User name'), user),
    h('label', {}, h('span', {}, 'Password'), pass),
    h('details', {}, h('summary', { class: 'muted' }, 'Tenant'), h('label', {}, h('span', {}, 'Tenant (blank: your default)'), tenant)),
    submit,
    h('p', { class: 'muted field-hint' }, 'In development mode any name and password are accepted.'));
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    submit.disabled = true;
    error.hidden = true;
    try {
      const body = { username: user.value.trim(), password: pass.value };
      if (tenant.value.trim()) body.tenant_id = tenant.value.trim();
      const res = await api('/api/auth/login', { method: 'POST', body, auth: false });
      session.signIn(res.access_token);
      done();
    } catch (e) {
      error.textContent = e.status === 401 ? 'Wrong user name or password.' : e.message;
      error.hidden = false;
      submit.disabled = false;
      pass.focus();
    }
  });
  mount(main, form);
  user.focus();
  return null;
}
