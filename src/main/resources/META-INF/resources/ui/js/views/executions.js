import { h, mount, badge, fmtTime, fmtMs, shortId } from '../dom.js';
import { api, q } from '../api.js';
import { tenantFeed, debounce } from './feed.js';

const STATUSES = ['', 'pending', 'running', 'waiting', 'completed', 'failed', 'cancelled'];
const PAGE = 20;

export function executionsView(main) {
  const state = { flow: '', status: '', offset: 0, total: 0 };
  const flowSel = h('select', { id: 'filter-flow', 'aria-label': 'Flow' }, h('option', { value: '' }, 'all flows'));
  const statusSel = h('select', { id: 'filter-status', 'aria-label': 'Status' },
    STATUSES.map(st => h('option', { value: st }, st || 'any status')));
  const tbody = h('tbody', { id: 'executions-body' });
  const info = h('span', { class: 'muted', id: 'page-info' });
  const prev = h('button', { type: 'button', class: 'secondary', id: 'prev-page' }, '← Newer');
  const next = h('button', { type: 'button', class: 'secondary', id: 'next-page' }, 'Older →');
  const error = h('div', { class: 'error-box', role: 'alert', hidden: true });
  const known = new Set();
  let first = true;

  async function load() {
    try {
      const res = await api(`/api/execute/list${q({ flow_id: state.flow, status: state.status, limit: PAGE, offset: state.offset })}`);
      state.total = res.total;
      error.hidden = true;
      mount(tbody, res.executions.length ? res.executions.map(row) : h('tr', {}, h('td', { colspan: 6, class: 'muted' }, 'No executions match.')));
      info.textContent = res.total ? `${state.offset + 1}–${state.offset + res.executions.length} of ${res.total}` : '';
      prev.disabled = state.offset === 0;
      next.disabled = state.offset + PAGE >= res.total;
      first = false;
    } catch (e) {
      error.textContent = `Could not load executions: ${e.message}`;
      error.hidden = false;
    }
  }

  function row(x) {
    const isNew = !first && !known.has(x.execution_id);
    known.add(x.execution_id);
    return h('tr', { 'data-execution': x.execution_id, 'data-status': x.status, class: isNew ? 'flash' : null },
      h('td', {}, h('a', { href: `#/executions/${x.execution_id}`, class: 'mono' }, shortId(x.execution_id))),
      h('td', {}, x.flow_name || x.flow_id),
      h('td', {}, badge(x.status), x.mode === 'test' ? h('span', { class: 'muted' }, ' test') : null),
      h('td', { class: 'progress' }, `${Math.round((x.progress || 0) * 100)}%`),
      h('td', {}, fmtTime(x.started_at)),
      h('td', {}, fmtMs(x.duration_ms)));
  }

  const reload = debounce(load, 200);
  const off = tenantFeed(ev => {
    const tr = tbody.querySelector(`tr[data-execution="${CSS.escape(ev.execution_id)}"]`);
    if (ev.event_type === 'progress' && tr) {
      tr.querySelector('.progress').textContent = `${Math.round((ev.data?.progress || 0) * 100)}%`;
    } else if (['started', 'waiting', 'completed', 'failed', 'cancelled'].includes(ev.event_type)) {
      reload();
    }
  });

  flowSel.addEventListener('change', () => { state.flow = flowSel.value; state.offset = 0; load(); });
  statusSel.addEventListener('change', () => { state.status = statusSel.value; state.offset = 0; load(); });
  prev.addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE); load(); });
  next.addEventListener('click', () => { state.offset += PAGE; load(); });

  api('/api/flows?limit=100').then(res => {
    flowSel.append(...res.flows.map(f => h('option', { value: f.id }, f.name)));
  }).catch(() => {});

  mount(main,
    h('h1', {}, 'Executions'),
    h('div', { class: 'panel' },
      h('div', { class: 'form-row' },
        h('label', {}, h('span', {}, 'Flow'), flowSel),
        h('label', {}, h('span', {}, 'Status'), statusSel)),
    ),
    error,
    h('div', { class: 'panel' },
      h('table', { id: 'executions' },
        h('thead', {}, h('tr', {}, ['Execution', 'Flow', 'Status', 'Progress', 'Started', 'Duration'].map(c => h('th', { scope: 'col' }, c)))),
        tbody),
      h('div', { class: 'pager' }, prev, next, info)));
  load();
  return () => { off(); reload.cancel(); };
}
