// Flow graph in SVG from the editor-JSON `data` of a version (editor-json.md). Versions saved as YAML
// come with the server's layered layout (x by depth, y by order: EditorGraphWriter); a graph without
// positions is laid out here by the same rule. each/loop bodies are drawn as chips inside their node.
import { s } from './dom.js';

const W = 164, H = 52, CHIP_H = 18, SCALE = 0.75, PAD = 24;

/** Longest-path depth from the nodes nothing points to (cycles are cut), rows in declaration order. */
export function layered(nodes, edges) {
  const ids = nodes.map(n => n.id);
  const incoming = new Map(ids.map(id => [id, 0]));
  const out = new Map(ids.map(id => [id, []]));
  for (const e of edges) {
    if (!out.has(e.source) || !incoming.has(e.target)) continue;
    out.get(e.source).push(e.target);
    incoming.set(e.target, incoming.get(e.target) + 1);
  }
  const depth = new Map(ids.map(id => [id, 0]));
  const ready = ids.filter(id => incoming.get(id) === 0);
  const left = new Map(incoming);
  while (ready.length) {
    const id = ready.shift();
    for (const t of out.get(id)) {
      depth.set(t, Math.max(depth.get(t), depth.get(id) + 1));
      left.set(t, left.get(t) - 1);
      if (left.get(t) === 0) ready.push(t);
    }
  }
  const rows = new Map();
  const pos = new Map();
  for (const id of ids) {
    const d = depth.get(id);
    const r = rows.get(d) || 0;
    rows.set(d, r + 1);
    pos.set(id, { x: d * 280, y: r * 140 });
  }
  return pos;
}

const kindOf = n => n.data?.nodeType || n.type || 'node';
const labelOf = n => n.data?.label || n.id;

function trim(text, max) { return text.length > max ? `${text.slice(0, max - 1)}…` : text; }

/**
 * @returns {{el: SVGElement, setState(id, state), focus(id), ids: string[]}} node ids are the
 * editor ids; body chips are addressed by their event path (`each/body`).
 */
export function renderGraph(data, { onSelect } = {}) {
  const nodes = data?.nodes || [];
  const edges = data?.edges || [];
  const hasPos = nodes.length > 0 && nodes.every(n => n.position && Number.isFinite(n.position.x));
  const pos = hasPos ? new Map(nodes.map(n => [n.id, n.position])) : layered(nodes, edges);
  const minX = Math.min(0, ...[...pos.values()].map(p => p.x));
  const minY = Math.min(0, ...[...pos.values()].map(p => p.y));
  const at = new Map();
  for (const n of nodes) {
    const p = pos.get(n.id);
    const body = n.data?.subFlowNodes || [];
    at.set(n.id, { x: PAD + (p.x - minX) * SCALE, y: PAD + (p.y - minY) * SCALE, h: H + (body.length ? CHIP_H + 6 : 0) });
  }
  const width = Math.max(320, ...[...at.values()].map(p => p.x + W + PAD));
  const height = Math.max(120, ...[...at.values()].map(p => p.y + p.h + PAD));
  const svg = s('svg', { class: 'graph', width, height, viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': 'Flow graph' });
  svg.append(s('defs', {}, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
    s('path', { d: 'M 0 0 L 10 5 L 0 10 z' }))));

  const edgeEls = [];
  for (const e of edges) {
    const a = at.get(e.source), b = at.get(e.target);
    if (!a || !b) continue;
    const type = e.data?.edgeType || 'next';
    const x1 = a.x + W, y1 = a.y + a.h / 2, x2 = b.x, y2 = b.y + b.h / 2;
    const dx = Math.max(40, Math.abs(x2 - x1) / 2);
    const path = s('path', { class: `edge ${type}`, d: `M ${x1} ${y1} C ${x1 + dx} ${y1}, ${x2 - dx} ${y2}, ${x2} ${y2}`, 'marker-end': 'url(#arrow)',
      'data-source': e.source, 'data-target': e.target });
    svg.append(path);
    edgeEls.push(path);
    if (type !== 'next') {
      const label = type === 'then' && e.data?.caseIndex !== undefined ? `case ${e.data.caseIndex + 1}` : type;
      svg.append(s('text', { class: 'edge-label', x: (x1 + x2) / 2, y: (y1 + y2) / 2 - 4, 'text-anchor': 'middle' }, label));
    }
  }

  const nodeEls = new Map();
  const chipEls = new Map();
  for (const n of nodes) {
    const p = at.get(n.id);
    const kind = kindOf(n);
    const g = s('g', { class: `node ${kind}`, 'data-node': n.id, 'data-state': kind === 'start' ? 'start' : 'pending',
      transform: `translate(${p.x} ${p.y})`, tabindex: 0, role: 'button', 'aria-label': `${labelOf(n)} (${kind}): pending` });
    g.append(s('rect', { class: 'box', width: W, height: p.h, rx: 8 }));
    g.append(s('circle', { class: 'dot', cx: W - 14, cy: 14, r: 5 }));
    g.append(s('text', { class: 'kind', x: 10, y: 17 }, kind));
    g.append(s('text', { x: 10, y: 38 }, trim(labelOf(n), 22)));
    g.append(s('title', {}, `${n.id}${n.data?.exec ? `\n${n.data.exec}` : ''}`));
    const body = n.data?.subFlowNodes || [];
    if (body.length) {
      const cw = (W - 16 - (body.length - 1) * 4) / body.length;
      body.forEach((b, i) => {
        const path = `${n.id}/${b.id}`;
        const chip = s('rect', { class: 'chip', x: 8 + i * (cw + 4), y: H, width: cw, height: CHIP_H, rx: 4, 'data-node': path, 'data-state': 'pending' });
        g.append(chip, s('text', { class: 'chip-label', x: 12 + i * (cw + 4), y: H + 13 }, trim(b.data?.label || b.id, Math.max(3, Math.floor(cw / 7)))));
        chipEls.set(path, chip);
      });
    }
    if (onSelect) {
      g.addEventListener('click', () => onSelect(n.id));
      g.addEventListener('keydown', ev => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); onSelect(n.id); } });
    }
    svg.append(g);
    nodeEls.set(n.id, { g, label: `${labelOf(n)} (${kind})` });
  }

  return {
    el: svg,
    ids: nodes.map(n => n.id),
    has: id => nodeEls.has(id) || chipEls.has(id),
    setState(id, state) {
      const chip = chipEls.get(id);
      if (chip) { chip.setAttribute('data-state', state); return; }
      const n = nodeEls.get(id);
      if (!n) return;
      n.g.setAttribute('data-state', state);
      n.g.setAttribute('aria-label', `${n.label}: ${state}`);
      if (state === 'succeeded') for (const e of edgeEls) if (e.dataset.target === id) e.classList.add('taken');
    },
    /** The start node only declares inputs: it is "done" once the run has started. */
    setStart(state) {
      for (const n of nodes) if (kindOf(n) === 'start') nodeEls.get(n.id).g.setAttribute('data-state', state);
    },
    focus(id) {
      for (const { g } of nodeEls.values()) g.classList.remove('error-focus');
      const top = id && nodeEls.get(id.split('/')[0]);
      if (top) top.g.classList.add('error-focus');
    },
  };
}
