// Collapsible JSON built from <details>: keyboard-operable without any script of its own.
import { h } from './dom.js';

export function jsonView(value, { open = 2 } = {}) {
  return h('div', { class: 'json' }, node(null, value, 0, open));
}

function leaf(v) {
  if (v === null) return h('span', { class: 'z' }, 'null');
  if (typeof v === 'string') return h('span', { class: 's' }, JSON.stringify(v));
  if (typeof v === 'number') return h('span', { class: 'n' }, String(v));
  if (typeof v === 'boolean') return h('span', { class: 'b' }, String(v));
  return h('span', {}, String(v));
}

function node(key, v, depth, open) {
  const k = key === null ? null : h('span', { class: 'k' }, typeof key === 'number' ? `${key}: ` : `${JSON.stringify(key)}: `);
  if (v === null || typeof v !== 'object') return h('div', { class: 'leaf' }, k, leaf(v));
  const isArr = Array.isArray(v);
  const entries = isArr ? v.map((x, i) => [i, x]) : Object.entries(v);
  const summary = h('summary', {}, k, isArr ? `[${entries.length}]` : `{${entries.length}}`);
  if (!entries.length) return h('div', { class: 'leaf' }, k, isArr ? '[]' : '{}');
  return h('details', { open: depth < open },
    summary, entries.map(([ck, cv]) => node(ck, cv, depth + 1, open)));
}
