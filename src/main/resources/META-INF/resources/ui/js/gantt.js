// Timeline of node durations from the event log: one lane per node path, one bar per start..end pair,
// so each/loop iterations show as several bars in the body node's lane and parallel branches overlap.
import { s, fmtMs } from './dom.js';

/** Bars from events sorted by seq: {path, start, end|null, state}. */
export function barsFrom(events) {
  const open = new Map();
  const bars = [];
  for (const e of events) {
    if (!e.node_id) continue;
    const t = Date.parse(e.timestamp);
    if (e.event_type === 'node_started') {
      const bar = { path: e.node_id, start: t, end: null, state: 'running' };
      open.set(e.node_id, bar);
      bars.push(bar);
    } else if (['node_completed', 'node_failed', 'node_skipped'].includes(e.event_type)) {
      const state = e.event_type === 'node_completed' ? 'succeeded' : e.event_type === 'node_failed' ? 'failed' : 'skipped';
      let bar = open.get(e.node_id);
      if (!bar) { bar = { path: e.node_id, start: t, end: t, state }; bars.push(bar); }
      if (e.event_type === 'node_completed' && Number.isFinite(e.data?.duration_ms) && bar.end === null) {
        bar.start = Math.min(bar.start, t - e.data.duration_ms);
      }
      bar.end = t;
      bar.state = state;
      open.delete(e.node_id);
    }
  }
  return bars;
}

export function gantt(bars, { t0, now, width = 900 } = {}) {
  const lanes = [...new Set(bars.map(b => b.path))];
  const labelW = 170, rowH = 24, top = 22, right = 12;
  const height = top + Math.max(1, lanes.length) * rowH + 8;
  const start = t0 ?? Math.min(...bars.map(b => b.start));
  const end = Math.max(start + 1, now ?? 0, ...bars.map(b => b.end ?? now ?? b.start));
  const span = end - start;
  const x = t => labelW + ((t - start) / span) * (width - labelW - right);
  const svg = s('svg', { class: 'gantt', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `Timeline of ${lanes.length} nodes over ${fmtMs(span)}` });
  for (let i = 0; i <= 4; i++) {
    const t = start + (span * i) / 4;
    svg.append(s('line', { class: 'grid', x1: x(t), x2: x(t), y1: top - 6, y2: height - 4 }),
      s('text', { class: 'axis', x: x(t), y: 12, 'text-anchor': i === 0 ? 'start' : i === 4 ? 'end' : 'middle' }, fmtMs(t - start)));
  }
  lanes.forEach((lane, i) => {
    const y = top + i * rowH;
    if (i % 2 === 0) svg.append(s('rect', { class: 'lane', x: 0, y, width, height: rowH }));
    const depth = lane.split('/').length - 1;
    svg.append(s('text', { x: 6 + depth * 12, y: y + 16 }, lane.split('/').pop()));
  });
  for (const b of bars) {
    const y = top + lanes.indexOf(b.path) * rowH + 5;
    const stop = b.end ?? now ?? b.start;
    const w = Math.max(3, x(stop) - x(b.start));
    svg.append(s('rect', { class: `bar ${b.state}`, x: x(b.start), y, width: w, height: rowH - 10, 'data-node': b.path },
      s('title', {}, `${b.path}: ${b.state}, ${fmtMs(stop - b.start)}`)));
  }
  return svg;
}
