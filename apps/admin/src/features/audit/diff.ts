/**
 * A readable difference between an audit event's `before` and `after` JSON: one line per field
 * that changed, nested fields with dotted names, and lists of records keyed by their `path` or
 * `id` (a circular's provisions) compared item by item, so a changed code reads
 * `provisions[A.e].codes: DS-07 → DS-07a` instead of two walls of JSON.
 */

export interface DiffLine {
  field: string;
  /** Null when the field did not exist before (created). */
  before: string | null;
  /** Null when the field no longer exists (deleted). */
  after: string | null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const MAX_TEXT = 300;

function isObject(v: unknown): v is Record<string, Json> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The key of a record in a list, if it has one (`path`, `id`, `code`). */
function keyOf(v: unknown): string | null {
  if (!isObject(v)) return null;
  for (const k of ['path', 'id', 'code']) {
    const value = v[k];
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  return null;
}

/** A value as one line of text. */
export function show(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v.length > MAX_TEXT ? `${v.slice(0, MAX_TEXT)}…` : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')) {
    return v.length === 0 ? '—' : v.map((x) => show(x)).join(', ');
  }
  const text = JSON.stringify(v);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

function walk(field: string, before: unknown, after: unknown, out: DiffLine[]): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const k of keys) walk(field ? `${field}.${k}` : k, before[k], after[k], out);
    return;
  }
  if (isObject(before) && after == null) {
    for (const k of Object.keys(before)) {
      if (before[k] !== null) out.push({ field: field ? `${field}.${k}` : k, before: show(before[k]), after: null });
    }
    return;
  }
  if (before == null && isObject(after)) {
    for (const k of Object.keys(after)) {
      if (after[k] !== null) out.push({ field: field ? `${field}.${k}` : k, before: null, after: show(after[k]) });
    }
    return;
  }
  const keyed = (list: unknown) =>
    Array.isArray(list) && list.length > 0 && list.every((x) => keyOf(x) !== null)
      ? new Map(list.map((x) => [keyOf(x) as string, x]))
      : null;
  const b = Array.isArray(before) && before.length === 0 ? new Map() : keyed(before);
  const a = Array.isArray(after) && after.length === 0 ? new Map() : keyed(after);
  if (b && a && (b.size > 0 || a.size > 0)) {
    for (const k of [...new Set([...b.keys(), ...a.keys()])]) {
      const x = b.get(k);
      const y = a.get(k);
      if (x === undefined) out.push({ field: `${field}[${k}]`, before: null, after: show(y) });
      else if (y === undefined) out.push({ field: `${field}[${k}]`, before: show(x), after: null });
      else walk(`${field}[${k}]`, x, y, out);
    }
    return;
  }
  out.push({
    field: field || '—',
    before: before === undefined ? null : show(before),
    after: after === undefined ? null : show(after),
  });
}

/**
 * @example diffValues({ name: 'Dinas A', version: 1 }, { name: 'Dinas B', version: 2 })
 * // → [{ field: 'name', before: 'Dinas A', after: 'Dinas B' }, { field: 'version', before: '1', after: '2' }]
 */
export function diffValues(before: unknown, after: unknown): DiffLine[] {
  const out: DiffLine[] = [];
  walk('', before ?? null, after ?? null, out);
  return out;
}

/** A short name for the record an event is about: its name, number or username, else null. */
export function subjectOf(before: unknown, after: unknown): string | null {
  for (const v of [after, before]) {
    if (!isObject(v)) continue;
    for (const k of ['name', 'number', 'username', 'title']) {
      const value = v[k];
      if (typeof value === 'string' && value !== '') return value;
    }
  }
  return null;
}
