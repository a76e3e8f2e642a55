// Stacked bar chart of runs per minute (succeeded / failed / other) in SVG; sized by viewBox.
import { s } from './dom.js';

export function runsChart(buckets, { width = 900, height = 200 } = {}) {
  const left = 34, bottom = 22, top = 10, right = 8;
  const max = Math.max(1, ...buckets.map(b => b.ok + b.bad + b.other));
  const step = niceStep(max);
  const yMax = Math.ceil(max / step) * step;
  const plotW = width - left - right, plotH = height - top - bottom;
  const bw = plotW / buckets.length;
  const y = v => top + plotH - (v / yMax) * plotH;
  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': `Runs per minute over the last ${buckets.length} minutes, at most ${max}` });
  for (let v = 0; v <= yMax; v += step) {
    svg.append(s('line', { class: 'grid', x1: left, x2: width - right, y1: y(v), y2: y(v) }),
      s('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end' }, v));
  }
  buckets.forEach((b, i) => {
    const x = left + i * bw + 1;
    let base = 0;
    for (const [cls, v] of [['ok', b.ok], ['bad', b.bad], ['other', b.other]]) {
      if (!v) continue;
      svg.append(s('rect', { class: cls, x, width: Math.max(1, bw - 2), y: y(base + v), height: y(base) - y(base + v) },
        s('title', {}, `${b.label}: ${v} ${cls === 'ok' ? 'completed' : cls === 'bad' ? 'failed' : 'running/other'}`)));
      base += v;
    }
    if (i % 10 === 0 || i === buckets.length - 1) {
      const anchor = i === 0 ? 'start' : i === buckets.length - 1 ? 'end' : 'middle';
      svg.append(s('text', { x: anchor === 'start' ? x : anchor === 'end' ? x + bw : x + bw / 2, y: height - 6, 'text-anchor': anchor }, b.label));
    }
  });
  return svg;
}

function niceStep(max) {
  const raw = max / 4;
  const p = 10 ** Math.floor(Math.log10(raw || 1));
  for (const m of [1, 2, 5, 10]) if (raw <= m * p) return Math.max(1, m * p);
  return 10 * p;
}
