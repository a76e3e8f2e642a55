import { h, mount, badge, fmtTime, fmtMs, shortId } from '../dom.js';
import { api, offers } from '../api.js';
import { live } from '../ws.js';
import { session } from '../session.js';
import { renderGraph } from '../graph.js';
import { barsFrom, gantt } from '../gantt.js';
import { jsonView } from '../json.js';
import { startRun } from './run.js';
import { TERMINAL } from './feed.js';

const NODE_STATE = { node_started: 'running', node_completed: 'succeeded', node_failed: 'failed', node_skipped: 'skipped', waiting: 'running' };
// a waiting node (a `wait` timer) is running as far as the user is concerned: it holds its path
const RETRY_PATH = /^\/api\/execute\/\{[^}]+\}\/retry$/;

const clock = iso => {
  const d = new Date(iso);
  return `${d.toLocaleTimeString(undefined, { hour12: false })}.${String(d.getMilliseconds()).padStart(3, '0')}`;
};

function summary(data) {
  if (!data || !Object.keys(data).length) return '';
  const t = JSON.stringify(data);
  return t.length > 180 ? `${t.slice(0, 179)}…` : t;
}

export function detailView(main, id) {
  const events = [];
  const nodeState = new Map();
  let status = null;
  let graph = null;
  let graphFromEvents = false;
  let t0 = null;
  let frame = 0;
  let startSeen = false;

  const head = h('div', {});
  const facts = h('dl', { class: 'facts', id: 'exec-facts' });
  const actions = h('div', { class: 'actions' });
  const errorBox = h('div', { id: 'exec-error', hidden: true });
  const graphBox = h('div', { class: 'graph-wrap', id: 'exec-graph' });
  const ganttBox = h('div', { id: 'gantt' });
  const inputsBox = h('div', { id: 'exec-inputs' });
  const outputsBox = h('div', { id: 'exec-outputs' });
  const resultsBox = h('div', { id: 'exec-node-results' });
  const logBody = h('tbody', { id: 'event-log' });
  const actionMsg = h('div', { role: 'status', class: 'muted' });
  const nodeBox = h('div', { id: 'node-detail', 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Select a node in the graph (click, or Tab and Enter) to see its events and result.'));
  let selected = null;

  function renderNode() {
    if (!selected) return;
    const mine = events.filter(e => e.node_id && (e.node_id === selected || e.node_id.startsWith(`${selected}/`)));
    const result = status?.result?.node_results?.[selected];
    mount(nodeBox,
      h('h2', {}, `Node ${selected} `, badge(nodeState.get(selected) || 'pending')),
      mine.length ? h('ul', { class: 'plain mono' }, mine.map(e => h('li', {}, `#${e.seq} ${clock(e.timestamp)} ${e.event_type}${e.node_id !== selected ? ` ${e.node_id}` : ''} ${summary(e.data)}`)))
        : h('p', { class: 'muted' }, 'No event for this node yet.'),
      result !== undefined ? jsonView(result, { open: 2 }) : null);
  }
  const onSelect = id => { selected = id; renderNode(); };

  const legend = h('div', { class: 'states', 'aria-hidden': 'true' },
    ['pending', 'running', 'succeeded', 'failed', 'skipped'].map(st => h('span', {}, h('i', { class: st }), st)));

  function applyNode(ev) {
    const st = NODE_STATE[ev.event_type];
    if (!st || !ev.node_id) return;
    // an iteration's later start must not hide an earlier failure of the same body node
    if (nodeState.get(ev.node_id) === 'failed' && st !== 'failed') return;
    nodeState.set(ev.node_id, st);
    if (graphFromEvents && !graph.has(ev.node_id.split('/')[0])) buildEventGraph();
    graph?.setState(ev.node_id, st);
  }

  function buildEventGraph() {
    // a direct run has no stored version: show the nodes the events name, in order of appearance
    const seen = [...new Set(events.filter(e => e.node_id).map(e => e.node_id.split('/')[0]))];
    graph = renderGraph({ nodes: seen.map(n => ({ id: n, type: 'node', data: { label: n, nodeType: 'node' } })), edges: [] }, { onSelect });
    for (const [p, st] of nodeState) graph.setState(p, st);
    mount(graphBox, graph.el);
  }

  function schedule() {
    if (frame) return;
    frame = requestAnimationFrame(() => { frame = 0; renderTimeline(); });
  }

  function renderTimeline() {
    const bars = barsFrom(events);
    const running = status && !TERMINAL.has(status.status);
    mount(ganttBox, bars.length ? gantt(bars, { t0, now: running ? Date.now() : null, width: Math.max(600, ganttBox.clientWidth || 900) }) : h('p', { class: 'muted' }, 'No node has started yet.'));
  }

  function onEvent(ev) {
    events.push(ev);
    events.sort((a, b) => a.seq - b.seq);
    if (ev.event_type === 'started') { t0 = Date.parse(ev.timestamp); graph?.setStart('succeeded'); startSeen = true; }
    applyNode(ev);
    logBody.append(h('tr', { 'data-seq': ev.seq, 'data-type': ev.event_type },
      h('td', {}, ev.seq), h('td', { class: 'mono' }, clock(ev.timestamp)), h('td', {}, ev.event_type),
      h('td', { class: 'mono' }, ev.node_id || ''), h('td', { class: 'mono' }, summary(ev.data))));
    if (status && !TERMINAL.has(status.status)) {
      if (TERMINAL.has(ev.event_type)) refresh();
      else if (ev.event_type === 'waiting' || ev.event_type === 'started') setStatus(ev.event_type === 'waiting' ? 'waiting' : 'running');
      else if (ev.event_type === 'node_started' && status.status === 'waiting') setStatus('running');
      else if (ev.event_type === 'progress') { status.progress = ev.data?.progress ?? status.progress; renderFacts(); }
    }
    schedule();
    if (selected && ev.node_id?.split('/')[0] === selected) renderNode();
  }

  function setStatus(st) {
    status.status = st;
    renderHead();
  }

  function renderHead() {
    mount(head, h('h1', {}, status.flow_name || 'Direct run', ' ', h('span', { id: 'exec-status', 'data-status': status.status }, badge(status.status))),
      h('p', { class: 'muted mono' }, status.execution_id));
    renderActions();
    renderFacts();
  }

  function renderFacts() {
    const dur = status.completed_at ? Date.parse(status.completed_at) - Date.parse(status.started_at) : status.result?.duration_ms;
    const flowLink = status.flow_id && status.flow_id !== 'direct' ? h('a', { href: `#/flows/${status.flow_id}` }, status.flow_name || status.flow_id) : 'direct run';
    const fact = (k, v, cls) => h('div', { class: 'fact' }, h('dt', {}, k), h('dd', { class: cls }, v));
    mount(facts,
      fact('Flow', flowLink),
      fact('Version', status.version_id ? shortId(status.version_id) : '—', 'mono'),
      fact('Started', fmtTime(status.started_at)),
      fact('Completed', fmtTime(status.completed_at)),
      fact('Duration', fmtMs(dur)),
      fact('Progress', `${Math.round((status.progress || 0) * 100)}%`),
      fact('Mode', status.mode || 'normal'));
  }

  let retryOffered = false;
  function renderActions() {
    const btns = [];
    if (session.can('executor') && !TERMINAL.has(status.status)) {
      const b = h('button', { type: 'button', class: 'danger', id: 'cancel' }, 'Cancel');
      b.addEventListener('click', async () => {
        b.disabled = true;
        try {
          await api(`/api/execute/cancel/${id}`, { method: 'POST' });
          actionMsg.textContent = 'Cancellation requested.';
          refresh();
        } catch (e) {
          actionMsg.textContent = e.message;
          b.disabled = false;
        }
      });
      btns.push(b);
    }
    if (session.can('executor') && status.flow_id && status.flow_id !== 'direct' && status.version_id) {
      const b = h('button', { type: 'button', class: 'secondary', id: 'rerun' }, 'Re-run with the same inputs');
      b.addEventListener('click', async () => {
        b.disabled = true;
        try {
          // tenantId and buCode are built-in inputs the server takes from the caller's token, never from the body
          const { tenantId, buCode, ...inputs } = status.inputs || {};
          const res = await startRun(status.flow_id, status.version_id, inputs);
          location.hash = `#/executions/${res.execution_id}`;
        } catch (e) {
          actionMsg.textContent = e.message;
          b.disabled = false;
        }
      });
      btns.push(b);
    }
    if (retryOffered && session.can('executor') && status.status === 'failed') {
      const b = h('button', { type: 'button', class: 'secondary', id: 'retry', title: 'Continue from the failed node' }, 'Retry from failure');
      b.addEventListener('click', async () => {
        b.disabled = true;
        try {
          const res = await api(`/api/execute/${id}/retry`, { method: 'POST', body: {} });
          location.hash = `#/executions/${res?.execution_id || id}`;
          if ((res?.execution_id || id) === id) refresh();
        } catch (e) {
          actionMsg.textContent = e.message;
          b.disabled = false;
        }
      });
      btns.push(b);
    }
    mount(actions, btns);
  }

  function renderResult() {
    mount(inputsBox, jsonView(status.inputs ?? {}, { open: 2 }));
    const r = status.result;
    mount(outputsBox, r ? jsonView(r.outputs ?? null, { open: 3 }) : h('p', { class: 'muted' }, TERMINAL.has(status.status) ? 'No outputs.' : 'Not finished yet.'));
    mount(resultsBox, r?.node_results && Object.keys(r.node_results).length ? jsonView(r.node_results, { open: 1 }) : h('p', { class: 'muted' }, '—'));
    const detail = status.error_detail || r?.error_detail;
    const message = status.error || r?.error;
    if (message || detail) {
      const node = detail?.node;
      const jump = node ? h('button', { type: 'button', class: 'secondary', id: 'error-node' }, `Show node ${node}`) : null;
      jump?.addEventListener('click', () => {
        graph?.focus(node);
        graphBox.querySelector(`[data-node="${CSS.escape(node.split('/')[0])}"]`)?.focus();
      });
      mount(errorBox, h('div', { class: 'error-box', role: 'alert' },
        h('strong', {}, detail?.code || 'Error'), node ? h('span', {}, ' at node ', h('code', { id: 'error-node-id' }, node)) : null,
        h('div', { id: 'error-message' }, message || detail?.message), jump));
      errorBox.hidden = false;
      graph?.focus(node);
    } else errorBox.hidden = true;
  }

  async function refresh() {
    try {
      status = await api(`/api/execute/status/${id}`);
    } catch (e) {
      if (e.status === 404) mount(main, h('h1', {}, 'Execution'), h('div', { class: 'error-box', role: 'alert', id: 'exec-missing' }, 'Execution not found.'));
      return false;
    }
    renderHead();
    renderResult();
    renderNode();
    schedule();
    return true;
  }

  let off = () => {};
  const tick = setInterval(() => { if (status && !TERMINAL.has(status.status) && events.length) schedule(); }, 500);

  mount(main,
    h('p', {}, h('a', { href: '#/executions' }, '← Executions')),
    head,
    h('div', { class: 'panel facts-bar' }, facts, h('div', { class: 'actions' }, actions), actionMsg),
    errorBox,
    h('div', { class: 'panel' }, h('h2', {}, 'Graph'), graphBox, legend, nodeBox),
    h('div', { class: 'panel' }, h('h2', {}, 'Timeline'), ganttBox),
    h('div', { class: 'row' },
      h('div', { class: 'panel grow' }, h('h2', {}, 'Inputs'), inputsBox),
      h('div', { class: 'panel grow' }, h('h2', {}, 'Outputs'), outputsBox)),
    h('div', { class: 'panel' }, h('details', {}, h('summary', {}, h('strong', {}, 'Node results')), resultsBox)),
    h('div', { class: 'panel' }, h('h2', {}, 'Event log'),
      h('div', { class: 'events' }, h('table', {},
        h('thead', {}, h('tr', {}, ['#', 'Time', 'Event', 'Node', 'Data'].map(c => h('th', { scope: 'col' }, c)))), logBody))));

  (async () => {
    if (!(await refresh())) return;
    if (status.flow_id && status.flow_id !== 'direct' && status.version_id) {
      try {
        const v = await api(`/api/flows/${status.flow_id}/versions/${status.version_id}`);
        graph = renderGraph(v.data, { onSelect });
      } catch {
        graph = null; // the flow or version was deleted since: fall back to the nodes the events name
      }
    }
    if (!graph) { graphFromEvents = true; buildEventGraph(); } else mount(graphBox, graph.el);
    for (const [p, st] of nodeState) graph.setState(p, st);
    if (startSeen) graph.setStart('succeeded');
    renderResult();
    // replayed from seq 1, then live: no gap, no duplicate (api.md §6.1)
    off = live.subscribe({ execution_id: id }, onEvent, () => {});
    retryOffered = await offers(RETRY_PATH, 'post');
    if (retryOffered) renderActions();
  })();

  return () => { off(); clearInterval(tick); cancelAnimationFrame(frame); };
}
