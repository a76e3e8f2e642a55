import { h, mount, badge, fmtTime } from '../dom.js';
import { api, q } from '../api.js';
import { session } from '../session.js';
import { renderGraph } from '../graph.js';
import { runForm } from './run.js';

const PAGE = 20;

export function flowsView(main) {
  const tbody = h('tbody', { id: 'flows-body' });
  const search = h('input', { type: 'search', id: 'flow-search', placeholder: 'name contains…', 'aria-label': 'Search flows' });
  const info = h('span', { class: 'muted' });
  const prev = h('button', { type: 'button', class: 'secondary' }, '← Previous');
  const next = h('button', { type: 'button', class: 'secondary' }, 'Next →');
  let offset = 0;

  async function load() {
    const res = await api(`/api/flows${q({ limit: PAGE, offset, q: search.value.trim() })}`);
    mount(tbody, res.flows.length ? res.flows.map(f => {
      const latest = h('td', { class: 'latest' }, '…');
      api(`/api/flows/${f.id}`).then(full => { latest.textContent = full.latest_version ? `v${full.latest_version}` : '—'; })
        .catch(() => { latest.textContent = '—'; });
      return h('tr', { 'data-flow': f.id },
        h('td', {}, h('a', { href: `#/flows/${f.id}` }, f.name)),
        h('td', { class: 'muted' }, f.description || ''),
        latest,
        h('td', {}, f.version_count),
        h('td', {}, badge(f.published ? 'published' : 'draft')),
        h('td', {}, fmtTime(f.updated_at)));
    }) : h('tr', {}, h('td', { colspan: 6, class: 'muted' }, 'No flows yet.')));
    info.textContent = res.total ? `${offset + 1}–${offset + res.flows.length} of ${res.total}` : '';
    prev.disabled = offset === 0;
    next.disabled = offset + PAGE >= res.total;
  }

  search.addEventListener('input', () => { offset = 0; load(); });
  prev.addEventListener('click', () => { offset = Math.max(0, offset - PAGE); load(); });
  next.addEventListener('click', () => { offset += PAGE; load(); });

  mount(main,
    h('h1', {}, 'Flows'),
    h('div', { class: 'panel' }, search,
      h('table', { id: 'flows' },
        h('thead', {}, h('tr', {}, ['Name', 'Description', 'Latest', 'Versions', 'State', 'Updated'].map(c => h('th', { scope: 'col' }, c)))),
        tbody),
      h('div', { class: 'pager' }, prev, next, info)),
    session.can('editor') ? newFlowPanel() : null);
  load().catch(e => mount(tbody, h('tr', {}, h('td', { colspan: 6 }, `Could not load flows: ${e.message}`))));
  return null;
}

/** Create a flow from FDL YAML: POST /api/flows, then its first version (422 shows the diagnostics). */
function newFlowPanel() {
  const name = h('input', { name: 'name', required: true });
  const yaml = h('textarea', { name: 'fdl', rows: 12, required: true, spellcheck: 'false',
    placeholder: 'flow:\n    name: greeting\n    node:\n        hello:\n            with: "text = \'Hello\'"' });
  const out = h('div', { role: 'status' });
  const form = h('form', { class: 'panel', id: 'new-flow' }, h('h2', {}, 'New flow from FDL YAML'),
    h('label', {}, h('span', {}, 'Name'), name), h('label', {}, h('span', {}, 'FDL'), yaml), out, h('button', { type: 'submit' }, 'Create'));
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    mount(out);
    let flow;
    try {
      const check = await api('/api/flows/validate', { method: 'POST', body: { fdl: yaml.value } });
      if (!check.valid) { mount(out, diagnostics(check.diagnostics)); return; }
      flow = await api('/api/flows', { method: 'POST', body: { name: name.value.trim() } });
      await api(`/api/flows/${flow.id}/versions`, { method: 'POST', body: { fdl: yaml.value } });
      location.hash = `#/flows/${flow.id}`;
    } catch (e) {
      mount(out, e.body?.diagnostics ? diagnostics(e.body.diagnostics) : h('div', { class: 'error-box' }, e.message));
    }
  });
  return form;
}

function diagnostics(list) {
  return h('div', { class: 'error-box' }, 'The definition is not valid:',
    h('ul', { class: 'plain' }, list.map(d => h('li', {}, `${d.severity} ${d.code}${d.line ? ` (line ${d.line}:${d.column})` : ''}: ${d.message}`))));
}

export function flowView(main, id) {
  const graphBox = h('div', { class: 'graph-wrap', id: 'flow-graph' });
  const yamlBox = h('pre', { class: 'yaml mono', id: 'flow-yaml', hidden: true });
  const versionSel = h('select', { id: 'version', 'aria-label': 'Version' });
  const runBox = h('div', { id: 'run-box' });
  const head = h('div', {});
  const tabGraph = h('button', { type: 'button', role: 'tab', 'aria-selected': 'true', id: 'tab-graph' }, 'Graph');
  const tabYaml = h('button', { type: 'button', role: 'tab', 'aria-selected': 'false', id: 'tab-yaml' }, 'YAML');
  const select = graph => {
    tabGraph.setAttribute('aria-selected', String(graph));
    tabYaml.setAttribute('aria-selected', String(!graph));
    graphBox.hidden = !graph;
    yamlBox.hidden = graph;
  };
  tabGraph.addEventListener('click', () => select(true));
  tabYaml.addEventListener('click', () => select(false));

  async function showVersion(flow, versionId) {
    const v = await api(`/api/flows/${id}/versions/${versionId}`);
    mount(graphBox, renderGraph(v.data).el);
    yamlBox.textContent = v.fdl || '';
    mount(runBox, session.can('executor') ? runForm(flow, v) : h('p', { class: 'muted' }, 'Your role may not run flows.'));
  }

  (async () => {
    const flow = await api(`/api/flows/${id}`);
    const versions = await api(`/api/flows/${id}/versions`);
    mount(head,
      h('h1', {}, flow.name, ' ', badge(flow.published ? 'published' : 'draft')),
      flow.description ? h('p', { class: 'muted' }, flow.description) : null);
    mount(versionSel, versions.versions.map(v => h('option', { value: v.id },
      `v${v.version_number}${v.label ? ` · ${v.label}` : ''}${v.id === flow.published_version_id ? ' (published)' : ''}`)));
    versionSel.addEventListener('change', () => showVersion(flow, versionSel.value));
    if (versions.versions.length) await showVersion(flow, versions.versions[0].id);
    else mount(graphBox, h('p', { class: 'muted' }, 'This flow has no version yet.'));
  })().catch(e => mount(head, h('div', { class: 'error-box', role: 'alert' }, e.status === 404 ? 'Flow not found.' : e.message)));

  mount(main,
    h('p', {}, h('a', { href: '#/flows' }, '← Flows')),
    head,
    h('div', { class: 'row' },
      h('div', { class: 'panel grow' },
        h('div', { class: 'form-row' }, h('div', { class: 'tabs', role: 'tablist' }, tabGraph, tabYaml), h('span', { class: 'spacer' }),
          h('label', {}, h('span', {}, 'Version'), versionSel)),
        graphBox, yamlBox),
      h('div', { class: 'panel', id: 'run-panel' }, h('h2', {}, 'Run'), runBox)),
    h('p', {}, h('a', { href: '#/executions', id: 'flow-executions' }, 'Executions of all flows →')));
  return null;
}
