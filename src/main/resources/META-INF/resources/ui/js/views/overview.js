import { h, mount, fmtMs, badge, fmtTime, shortId } from '../dom.js';
import { api } from '../api.js';
import { runsChart } from '../chart.js';
import { tenantFeed, debounce, TERMINAL } from './feed.js';

const HOUR = 3600_000;

/** Nearest-rank percentile of sorted numbers. */
export function percentile(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function overviewView(main) {
  const stats = h('div', { class: 'stats', id: 'stats' });
  const chart = h('div', { id: 'runs-chart' });
  const recent = h('tbody', {});
  const error = h('div', { class: 'error-box', role: 'alert', hidden: true });

  async function load() {
    try {
      // the newest 500 runs (the largest page) cover the last hour on all but the busiest tenants
      const res = await api('/api/execute/list?limit=500');
      error.hidden = true;
      render(res.executions, res.executions.length < res.total);
    } catch (e) {
      error.textContent = `Could not load executions: ${e.message}`;
      error.hidden = false;
    }
  }

  function render(all, capped) {
    const now = Date.now();
    const hour = all.filter(x => now - Date.parse(x.started_at) <= HOUR);
    const ok = hour.filter(x => x.status === 'completed').length;
    const bad = hour.filter(x => x.status === 'failed').length;
    const active = hour.filter(x => !TERMINAL.has(x.status)).length;
    const durations = hour.filter(x => TERMINAL.has(x.status) && x.duration_ms !== null).map(x => x.duration_ms).sort((a, b) => a - b);
    const last5 = hour.filter(x => now - Date.parse(x.started_at) <= 5 * 60_000).length;
    const stat = (k, v, cls, id) => h('div', { class: `stat ${cls || ''}`, id }, h('div', { class: 'v' }, v), h('div', { class: 'k' }, k));
    mount(stats,
      stat('runs / min (last 5 min)', (last5 / 5).toFixed(1), '', 'stat-rate'),
      stat('runs, last hour', hour.length + (capped && hour.length === all.length ? '+' : ''), '', 'stat-total'),
      stat('succeeded', ok, 'ok', 'stat-ok'),
      stat('failed', bad, 'bad', 'stat-failed'),
      stat('p50 duration', fmtMs(percentile(durations, 50)), '', 'stat-p50'),
      stat('p95 duration', fmtMs(percentile(durations, 95)), '', 'stat-p95'));
    const buckets = [];
    const start = Math.floor(now / 60_000) * 60_000 - 59 * 60_000;
    for (let i = 0; i < 60; i++) {
      const t = new Date(start + i * 60_000);
      buckets.push({ ok: 0, bad: 0, other: 0, label: t.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }) });
    }
    for (const x of hour) {
      const i = Math.floor((Date.parse(x.started_at) - start) / 60_000);
      if (i < 0 || i >= 60) continue;
      buckets[i][x.status === 'completed' ? 'ok' : x.status === 'failed' ? 'bad' : 'other']++;
    }
    mount(chart, runsChart(buckets, { width: Math.max(600, chart.clientWidth || 900) }), h('div', { class: 'legend' },
      h('span', {}, h('i', { class: 'ok' }), 'completed'), h('span', {}, h('i', { class: 'bad' }), 'failed'),
      h('span', {}, h('i', { class: 'other' }), 'running / waiting / cancelled')), active ? h('p', { class: 'muted' }, `${active} running now`) : null);
    mount(recent, all.slice(0, 8).map(x => h('tr', {},
      h('td', {}, h('a', { href: `#/executions/${x.execution_id}`, class: 'mono' }, shortId(x.execution_id))),
      h('td', {}, x.flow_name || x.flow_id), h('td', {}, badge(x.status)),
      h('td', {}, fmtTime(x.started_at)), h('td', {}, fmtMs(x.duration_ms)))));
  }

  const reload = debounce(load, 400);
  const off = tenantFeed(ev => { if (['started', 'completed', 'failed', 'cancelled'].includes(ev.event_type)) reload(); });
  const tick = setInterval(load, 30_000); // the window slides even when nothing happens

  mount(main,
    h('h1', {}, 'Overview'),
    error,
    stats,
    h('div', { class: 'panel' }, h('h2', {}, 'Runs per minute, last hour'), chart),
    h('div', { class: 'panel' }, h('h2', {}, 'Latest runs'),
      h('table', {}, h('thead', {}, h('tr', {}, ['Execution', 'Flow', 'Status', 'Started', 'Duration'].map(c => h('th', { scope: 'col' }, c)))), recent)));
  load();
  return () => { off(); reload.cancel(); clearInterval(tick); };
}
