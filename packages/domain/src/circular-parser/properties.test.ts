import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { circularJsonSchema, circularParseResultSchema, parseCircular, toCircularJson } from './parse';
import {
  FLAT_NO_BLANKS,
  LETTER_DECIMAL,
  LETTER_KODE_ETIK_CRLF,
  PROVINCE_DECREE,
  ROMAN_OLDER_LIST,
  SKB_BAKAL_CALON,
  TWO_LISTS,
} from './sample-circulars';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/circulars/${name}`, import.meta.url), 'utf8');

const REAL = [fixture('tanah-laut-se-863-0321-bkpsdm-2023.md'), fixture('bintan-se-13-2023.md')];
const ALL = [
  ...REAL,
  LETTER_DECIMAL,
  PROVINCE_DECREE,
  SKB_BAKAL_CALON,
  TWO_LISTS,
  ROMAN_OLDER_LIST,
  LETTER_KODE_ETIK_CRLF,
  FLAT_NO_BLANKS,
];

function parsesCleanly(text: string): void {
  const result = parseCircular(text);
  circularParseResultSchema.parse(result);
  circularJsonSchema.parse(toCircularJson(result));
  const paths = result.provisions.map((p) => p.path);
  expect(new Set(paths).size).toBe(paths.length);
}

/** What a reader of the parse cares about, minus source positions. */
const essence = (text: string) =>
  parseCircular(text).provisions.map((p) => ({ path: p.path, kind: p.kind, text: p.text }));

const FRAGMENTS = [
  'A.',
  'B.',
  '1.',
  '2.',
  'a.',
  'b.',
  '1)',
  'a)',
  '(1)',
  '(a)',
  '2.1',
  '2.1.',
  'I.',
  'II.',
  'l.',
  '- ',
  '* ',
  '#',
  '|',
  '|---|',
  ':',
  '-',
  ' ',
  '\t',
  '\n',
  '\r\n',
  'dilarang',
  'wajib',
  'Menghimbau',
  'Demikian',
  'BUPATI TANAH LAUT,',
  'Yth.',
  'di',
  'Tempat',
  'TENTANG',
  'NOMOR 800/ 1 /BKD/2023',
  'Pelaihari, 30 Januari 2023',
  'Ditetapkan di',
  'pada tanggal 31 Februari 2023',
  'NIP. 19680512 199303 1 012',
  'Tembusan:',
  'ikut kampanye',
  'bakal calon',
  'kam-',
  '\u0000',
  '\uFFFD',
  '\u200B',
  '😀',
  '((((((((',
  '........',
];

const fragmentSoup = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 })), { maxLength: 120 })
  .map((parts) => parts.join(''));

type Edit =
  | { op: 'delete'; at: number; len: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'join'; at: number }
  | { op: 'split'; at: number };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })),
  }),
  fc.record({ op: fc.constant('join' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('split' as const), at: fc.nat() }),
);

function garble(text: string, edits: readonly Edit[]): string {
  let t = text;
  for (const e of edits) {
    if (t.length === 0) break;
    const at = e.at % t.length;
    if (e.op === 'delete') t = t.slice(0, at) + t.slice(at + e.len);
    else if (e.op === 'insert') t = t.slice(0, at) + e.text + t.slice(at);
    else if (e.op === 'split') t = `${t.slice(0, at)}\n${t.slice(at)}`;
    else {
      const nl = t.indexOf('\n', at);
      if (nl >= 0) t = `${t.slice(0, nl)} ${t.slice(nl + 1)}`;
    }
  }
  return t;
}

const LABEL_LINE_RE = /^(\s*)(?:[-*]\s+)?((?:\d{1,2}(?:\.\d{1,2})*|[A-Za-z]|[IVX]{2,4})[.)]\s)/;

describe('never throws, always valid', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), (s) => parsesCleanly(s)),
      { numRuns: 300 },
    );
  });

  it('on soups of circular fragments', () => {
    fc.assert(
      fc.property(fragmentSoup, (s) => parsesCleanly(s)),
      { numRuns: 400 },
    );
  });

  it('on garbled circulars (deletions, insertions, joined and split lines)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL), fc.array(editArb, { maxLength: 40 }), (doc, edits) =>
        parsesCleanly(garble(doc, edits)),
      ),
      { numRuns: 300 },
    );
  });
});

describe('layout does not change the reading', () => {
  it('re-indenting every line at random keeps paths, kinds and texts', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL), fc.array(fc.nat(10), { minLength: 200, maxLength: 200 }), (doc, indents) => {
        const lines = doc.split('\n');
        const reindented = lines.map((l, i) => ' '.repeat(indents[i % indents.length] ?? 0) + l.trimStart()).join('\n');
        expect(essence(reindented)).toEqual(essence(doc));
      }),
      { numRuns: 60 },
    );
  });

  it('adding or removing Markdown bullets in front of labels keeps the reading', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALL),
        fc.array(fc.constantFrom('', '- ', '* ', '+ ', '• '), { minLength: 200, maxLength: 200 }),
        (doc, bullets) => {
          const lines = doc.split('\n');
          let inTail = false;
          const rebulleted = lines
            .map((l, i) => {
              if (/^(?:Demikian|Tembusan)/.test(l.trim())) inTail = true;
              const m = LABEL_LINE_RE.exec(l);
              if (inTail || !m) return l;
              const labelStart = m[0].length - (m[2]?.length ?? 0);
              return `${m[1]}${bullets[i % bullets.length]}${l.slice(labelStart)}`;
            })
            .join('\n');
          expect(essence(rebulleted)).toEqual(essence(doc));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('renumbering one style consistently (1. to 1), a. to (a)) keeps the reading', () => {
    // [label to rewrite, its new form, labels whose presence would make the rewrite change the structure]
    const styles: [RegExp, (n: string) => string, RegExp][] = [
      [/^(\s*(?:[-*]\s+)?)(\d{1,2})\.(\s)/, (n) => `${n})`, /^\s*(?:[-*]\s+)?\d{1,2}\)/m],
      [/^(\s*(?:[-*]\s+)?)(\d{1,2})\.(\s)/, (n) => `(${n})`, /^\s*(?:[-*]\s+)?\(\d{1,2}\)/m],
      [/^(\s*(?:[-*]\s+)?)([a-z])\.(\s)/, (n) => `${n})`, /^\s*(?:[-*]\s+)?[a-z]\)/m],
      [/^(\s*(?:[-*]\s+)?)([a-z])\.(\s)/, (n) => `(${n})`, /^\s*(?:[-*]\s+)?\([a-z]\)/m],
    ];
    let checked = 0;
    fc.assert(
      fc.property(fc.constantFrom(...ALL), fc.constantFrom(...styles), (doc, [re, to, clash]) => {
        fc.pre(!clash.test(doc));
        checked++;
        const lines = doc.split('\n');
        let inTail = false;
        const renumbered = lines
          .map((l) => {
            if (/^(?:Demikian|Tembusan)/.test(l.trim())) inTail = true;
            return inTail ? l : l.replace(re, (_, pre: string, n: string, sp: string) => `${pre}${to(n)}${sp}`);
          })
          .join('\n');
        const before = essence(doc).map((p) => [p.kind, p.text]);
        const after = essence(renumbered).map((p) => [p.kind, p.text]);
        expect(after).toEqual(before);
      }),
      { numRuns: 60 },
    );
    expect(checked).toBeGreaterThan(20);
  });
});
