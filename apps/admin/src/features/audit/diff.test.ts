import { describe, expect, it } from 'vitest';
import { diffValues, show, subjectOf } from './diff';

describe('diffValues', () => {
  it('lists only the fields that changed', () => {
    expect(
      diffValues(
        { name: 'Dinas Pendidikan', kind: 'dinas', version: 1, parentId: null },
        { name: 'Dinas Pendidikan dan Kebudayaan', kind: 'dinas', version: 2, parentId: null },
      ),
    ).toEqual([
      { field: 'name', before: 'Dinas Pendidikan', after: 'Dinas Pendidikan dan Kebudayaan' },
      { field: 'version', before: '1', after: '2' },
    ]);
  });

  it('shows every field of a created record as new and of a deleted one as gone, skipping empty ones', () => {
    expect(diffValues(null, { name: 'UPT Pajak', parentId: null })).toEqual([
      { field: 'name', before: null, after: 'UPT Pajak' },
    ]);
    expect(diffValues({ name: 'UPT Pajak', kind: 'upt' }, null)).toEqual([
      { field: 'name', before: 'UPT Pajak', after: null },
      { field: 'kind', before: 'upt', after: null },
    ]);
  });

  it('compares lists of provisions by path: a changed code, an added and a removed provision', () => {
    const before = {
      status: 'draft',
      provisions: [
        { path: 'A.d', kind: 'prohibition', codes: ['DS-01'] },
        { path: 'A.e', kind: 'prohibition', codes: ['DS-07'] },
        { path: 'C', kind: 'other', codes: [] },
      ],
    };
    const after = {
      status: 'published',
      provisions: [
        { path: 'A.d', kind: 'prohibition', codes: ['DS-01'] },
        { path: 'A.e', kind: 'prohibition', codes: ['DS-07a'] },
        { path: 'B', kind: 'obligation', codes: [] },
      ],
    };
    expect(diffValues(before, after)).toEqual([
      { field: 'status', before: 'draft', after: 'published' },
      { field: 'provisions[A.e].codes', before: 'DS-07', after: 'DS-07a' },
      { field: 'provisions[C]', before: '{"path":"C","kind":"other","codes":[]}', after: null },
      { field: 'provisions[B]', before: null, after: '{"path":"B","kind":"obligation","codes":[]}' },
    ]);
  });

  it('reads nested objects with dotted names and lists of words as text', () => {
    expect(diffValues({ grants: [], meta: { a: 1 } }, { grants: [], meta: { a: 2 } })).toEqual([
      { field: 'meta.a', before: '1', after: '2' },
    ]);
    expect(diffValues({ scope: ['ASN'] }, { scope: ['ASN', 'NON_ASN'] })).toEqual([
      { field: 'scope', before: 'ASN', after: 'ASN, NON_ASN' },
    ]);
  });

  it('is empty when nothing changed', () => {
    expect(diffValues({ a: [1, 2], b: { c: 'x' } }, { a: [1, 2], b: { c: 'x' } })).toEqual([]);
  });
});

describe('show and subjectOf', () => {
  it('shortens long texts and names the record by name, number or username', () => {
    expect(show('x'.repeat(400))).toHaveLength(301);
    expect(show(null)).toBe('—');
    expect(subjectOf(null, { number: '800/1/2024', title: 'Netralitas' })).toBe('800/1/2024');
    expect(subjectOf({ username: 'operator.tanahlaut' }, null)).toBe('operator.tanahlaut');
    expect(subjectOf(null, null)).toBeNull();
  });
});
