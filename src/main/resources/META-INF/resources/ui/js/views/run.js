import { h, mount } from '../dom.js';
import { api } from '../api.js';

const INT = new Set(['int', 'long']);
const NUM = new Set(['double', 'decimal', 'number', 'float']);
const BOOL = new Set(['bool', 'boolean']);
const TEXT = new Set(['string', 'date']);

/** args.in of a version from its editor JSON: `args.inputs` (precise FDL types) or the start node's parameters. */
export function inputsOf(data) {
  if (Array.isArray(data?.args?.inputs)) {
    return data.args.inputs.map(i => ({ name: i.name, type: i.type, isArray: !!i.isArray, nullable: !!i.nullable,
      defaultValue: i.defaultValue ?? null, required: !i.nullable && (i.defaultValue === null || i.defaultValue === undefined) }));
  }
  const start = (data?.nodes || []).find(n => (n.data?.nodeType || n.type) === 'start');
  return (start?.data?.parameters || []).map(p => ({ name: p.name, type: p.type === 'array' ? 'any' : p.type, isArray: p.type === 'array',
    nullable: !p.required, defaultValue: p.defaultValue ?? null, required: !!p.required && p.defaultValue === undefined, description: p.description }));
}

export function startRun(flowId, versionId, inputs) {
  return api(`/api/execute/${flowId}/version/${versionId}`, { method: 'POST', body: { inputs, async_mode: true } });
}

function field(input) {
  const id = `in-${input.name}`;
  const t = (input.type || 'any').toLowerCase();
  const typeText = `${input.type}${input.isArray ? '[]' : ''}${input.nullable ? '?' : ''}`;
  let control, read;
  if (input.isArray || !(INT.has(t) || NUM.has(t) || BOOL.has(t) || TEXT.has(t))) {
    control = h('textarea', { id, name: input.name, rows: 3, spellcheck: 'false', placeholder: 'JSON value' });
    read = () => (control.value.trim() === '' ? undefined : JSON.parse(control.value));
  } else if (BOOL.has(t)) {
    control = h('select', { id, name: input.name }, h('option', { value: '' }, '(not set)'), h('option', { value: 'true' }, 'true'), h('option', { value: 'false' }, 'false'));
    read = () => (control.value === '' ? undefined : control.value === 'true');
  } else if (INT.has(t) || NUM.has(t)) {
    control = h('input', { id, name: input.name, type: 'number', step: INT.has(t) ? '1' : 'any', inputmode: INT.has(t) ? 'numeric' : 'decimal' });
    read = () => (control.value === '' ? undefined : Number(control.value));
  } else {
    control = h('input', { id, name: input.name, type: 'text', placeholder: t === 'date' ? '2026-01-31 or 2026-01-31T10:00:00Z' : '' });
    read = () => (control.value === '' ? undefined : control.value);
  }
  if (input.required) control.setAttribute('aria-required', 'true');
  const hint = [typeText, input.required ? 'required' : null, input.defaultValue !== null ? `default: ${input.defaultValue}` : null].filter(Boolean).join(' · ');
  const label = h('label', { for: id }, h('span', {}, input.name, input.required ? ' *' : ''), control,
    h('div', { class: 'field-hint' }, hint), input.description ? h('div', { class: 'field-hint' }, input.description) : null);
  return { label, read, name: input.name, control };
}

/** The inputs form of a version; a submitted run opens its live detail view. */
export function runForm(flow, version) {
  const fields = inputsOf(version.data).map(field);
  const out = h('div', { role: 'alert', id: 'run-error' });
  const submit = h('button', { type: 'submit', id: 'run-submit' }, `Run v${version.version_number}`);
  const form = h('form', { id: 'run-form' }, fields.length ? fields.map(f => f.label) : h('p', { class: 'muted' }, 'This flow takes no inputs.'), out, submit);
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    mount(out);
    const inputs = {};
    for (const f of fields) {
      try {
        const v = f.read();
        if (v !== undefined) inputs[f.name] = v;
      } catch {
        mount(out, h('div', { class: 'error-box' }, `${f.name}: not valid JSON`));
        f.control.focus();
        return;
      }
    }
    submit.disabled = true;
    try {
      const res = await startRun(flow.id, version.id, inputs);
      location.hash = `#/executions/${res.execution_id}`;
    } catch (e) {
      submit.disabled = false;
      mount(out, h('div', { class: 'error-box' }, e.message,
        e.body?.validation_errors ? h('ul', { class: 'plain' }, e.body.validation_errors.map(v => h('li', {}, v))) : null));
    }
  });
  return form;
}
