import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prohibitionTypeCodeSchema } from '../taxonomy';
import { circularJsonSchema, circularParseResultSchema, parseCircular, toCircularJson } from './parse';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/circulars/${name}`, import.meta.url), 'utf8');

const tanahLaut = fixture('tanah-laut-se-863-0321-bkpsdm-2023.md');
const bintan = fixture('bintan-se-13-2023.md');

const topCode = (r: ReturnType<typeof parseCircular>, path: string) =>
  r.provisions.find((p) => p.path === path)?.codes[0]?.code;

describe('Tanah Laut SE 863/0321/BKPSDM/2023', () => {
  const r = parseCircular(tanahLaut);

  it('passes the result schema', () => {
    expect(() => circularParseResultSchema.parse(r)).not.toThrow();
  });

  it('reads the metadata', () => {
    expect(r.metadata).toMatchObject({
      number: '863/0321/BKPSDM/2023',
      date: '2023-01-30',
      place: 'Pelaihari',
      title: 'NETRALITAS ASN DALAM PELAKSANAAN PEMILIHAN UMUM DAN PEMILIHAN TAHUN 2024',
      issuer: 'BUPATI TANAH LAUT',
      signatory: 'H. SUKAMTA',
      signatoryNip: null,
      scope: ['ASN'],
      regencyName: 'Tanah Laut',
      regencyKind: 'kabupaten',
      addressees: ['Kepala Satuan Kerja Perangkat Daerah di Lingkungan Pemerintah Kabupaten Tanah Laut'],
      closing: 'Demikian disampaikan, untuk dipedomani dan dilaksanakan.',
    });
    expect(r.metadata.opening).toMatch(/^Dalam rangka mewujudkan .* sebagai berikut :$/);
  });

  it('finds exactly the provision tree, with kinds', () => {
    expect(r.provisions.map((p) => [p.path, p.kind])).toEqual([
      ['A', 'prohibition'],
      ['A.1', 'prohibition'],
      ['A.1.a', 'prohibition'],
      ['A.1.b', 'prohibition'],
      ['A.1.c', 'prohibition'],
      ['A.1.d', 'prohibition'],
      ['A.2', 'prohibition'],
      ['A.3', 'prohibition'],
      ['A.4', 'prohibition'],
      ['B', 'obligation'],
      ['B.1', 'obligation'],
      ['B.2', 'obligation'],
      ['B.3', 'obligation'],
      ['B.4', 'obligation'],
      ['C', 'obligation'],
    ]);
  });

  it('records depth, parent, label and source line', () => {
    const a1b = r.provisions.find((p) => p.path === 'A.1.b');
    expect(a1b).toMatchObject({ label: 'b', depth: 2, parentPath: 'A.1', line: 33 });
    expect(r.provisions[0]).toMatchObject({ path: 'A', depth: 0, parentPath: null, line: 29 });
  });

  it('joins a provision split by a blank line and strips labels and bullets', () => {
    const b1 = r.provisions.find((p) => p.path === 'B.1')?.text ?? '';
    expect(b1).toMatch(/^Mensosialisasikan .* Negara dan Reformasi Birokrasi, Menteri Dalam Negeri,/);
    expect(b1).toMatch(/Pemilihan Umum dan Pemilihan\.$/);
    expect(r.provisions.find((p) => p.path === 'C')?.text).toMatch(/^Kepada seluruh ASN agar /);
    expect(r.provisions.find((p) => p.path === 'A.1.a')?.text).toBe('ikut kampanye;');
  });

  it('suggests the PP 94 Pasal 5 huruf n codes', () => {
    expect(topCode(r, 'A.1.a')).toBe('PP94-5N-1');
    expect(topCode(r, 'A.1.b')).toBe('PP94-5N-2');
    expect(topCode(r, 'A.1.c')).toBe('PP94-5N-3');
    expect(topCode(r, 'A.1.d')).toBe('PP94-5N-4');
    expect(topCode(r, 'A.2')).toBe('PP94-5N-5');
    expect(topCode(r, 'A.3')).toBe('PP94-5N-6');
    expect(topCode(r, 'A.4')).toBe('PP94-5N-7');
  });

  it('gives lead-ins and non-prohibitions no codes', () => {
    for (const path of ['A', 'A.1', 'B', 'B.1', 'C']) {
      expect(r.provisions.find((p) => p.path === path)?.codes).toEqual([]);
    }
  });

  it('explains its codes with the words that matched', () => {
    const a1a = r.provisions.find((p) => p.path === 'A.1.a')?.codes[0];
    expect(a1a?.matched).toContain('ikut kampanye');
    expect(a1a?.score).toBeGreaterThanOrEqual(0.5);
  });

  it('addresses provisions to whom their lead-in names', () => {
    expect(r.provisions.find((p) => p.path === 'A.1.c')?.addressee).toBe('ASN');
    expect(r.provisions.find((p) => p.path === 'B.3')?.addressee).toBe('Kepala Satuan Kerja Perangkat Daerah');
  });

  it('has nothing to warn about', () => {
    expect(r.warnings).toEqual([]);
  });
});

describe('Bintan SE 13/2023', () => {
  const r = parseCircular(bintan);

  it('reads the metadata', () => {
    expect(r.metadata).toMatchObject({
      number: '13/2023',
      date: '2023-11-25',
      place: 'Bandar Seri Bentan',
      title:
        'NETRALITAS APARATUR SIPIL NEGARA (ASN) DAN NON ASN DALAM PELAKSANAAN TAHAPAN PENYELENGGARAAN KAMPANYE PEMILIHAN UMUM DAN PEMILIHAN SERENTAK TAHUN 2024',
      issuer: 'BUPATI BINTAN',
      signatory: 'Roby Kurniawan, S.P.W.K.',
      scope: ['ASN', 'NON_ASN'],
      regencyName: 'Bintan',
      province: 'Kepulauan Riau',
      addressees: ['Kepala Perangkat Daerah di Lingkungan Pemerintah Kabupaten Bintan'],
      closing: null,
    });
  });

  it('finds exactly the provision tree, with kinds', () => {
    expect(r.provisions.map((p) => [p.path, p.kind])).toEqual([
      ['A', 'prohibition'],
      ['A.1', 'prohibition'],
      ['A.1.a', 'prohibition'],
      ['A.1.b', 'prohibition'],
      ['A.1.c', 'prohibition'],
      ['A.1.d', 'prohibition'],
      ['A.2', 'prohibition'],
      ['A.3', 'prohibition'],
      ['B', 'obligation'],
      ['B.1', 'obligation'],
      ['B.2', 'obligation'],
      ['B.3', 'obligation'],
      ['B.4', 'obligation'],
      ['B.5', 'obligation'],
      ['B.6', 'obligation'],
      ['C', 'appeal'],
    ]);
  });

  it('suggests the PP 94 codes', () => {
    expect(topCode(r, 'A.1.a')).toBe('PP94-5N-1');
    expect(topCode(r, 'A.1.b')).toBe('PP94-5N-2');
    expect(topCode(r, 'A.1.c')).toBe('PP94-5N-3');
    expect(topCode(r, 'A.1.d')).toBe('PP94-5N-4');
    expect(topCode(r, 'A.2')).toBe('PP94-5N-5');
    expect(topCode(r, 'A.3')).toBe('PP94-5N-6');
  });

  it('keeps "himbauan" inside a prohibited act from making it an appeal', () => {
    const a3 = r.provisions.find((p) => p.path === 'A.3');
    expect(a3?.text).toContain('himbuan');
    expect(a3?.kind).toBe('prohibition');
  });

  it('only warns about the missing closing sentence', () => {
    expect(r.warnings.map((w) => w.code)).toEqual(['MISSING_CLOSING']);
    expect(r.warnings[0]?.message.id).toContain('Demikian');
  });
});

describe('toCircularJson', () => {
  const json = toCircularJson(parseCircular(tanahLaut));

  it('has the CLI shape of DESIGN.md', () => {
    expect(() => circularJsonSchema.parse(json)).not.toThrow();
    expect(Object.keys(json)).toEqual([
      'number',
      'date',
      'title',
      'place',
      'issuer',
      'signatory',
      'scope',
      'provisions',
      'warnings',
    ]);
    expect(json.provisions[2]).toEqual({
      path: 'A.1.a',
      kind: 'prohibition',
      text: 'ikut kampanye;',
      codes: ['PP94-5N-1'],
    });
  });

  it('lists only confident codes, as known taxonomy codes', () => {
    for (const p of json.provisions) {
      for (const c of p.codes) expect(prohibitionTypeCodeSchema.parse(c)).toBe(c);
      if (p.kind !== 'prohibition') expect(p.codes).toEqual([]);
    }
    expect(json.provisions.find((p) => p.path === 'A.4')?.codes).toEqual(['PP94-5N-7']);
  });

  it('honours a custom threshold', () => {
    const all = toCircularJson(parseCircular(tanahLaut), 0);
    expect(all.provisions.find((p) => p.path === 'A.4')?.codes.length).toBeGreaterThan(1);
  });
});
