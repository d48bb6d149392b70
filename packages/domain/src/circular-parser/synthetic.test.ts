import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { circularParseResultSchema, parseCircular } from './parse';
import {
  FLAT_NO_BLANKS,
  LETTER_DECIMAL,
  LETTER_KODE_ETIK_CRLF,
  PROVINCE_DECREE,
  ROMAN_OLDER_LIST,
  SKB_BAKAL_CALON,
  TWO_LISTS,
} from './sample-circulars';

const paths = (text: string) => parseCircular(text).provisions.map((p) => p.path);
const kinds = (text: string) => Object.fromEntries(parseCircular(text).provisions.map((p) => [p.path, p.kind]));
const topCodes = (text: string) =>
  Object.fromEntries(
    parseCircular(text)
      .provisions.filter((p) => p.codes.length > 0)
      .map((p) => [p.path, p.codes[0]?.code]),
  );
const warningCodes = (text: string) => parseCircular(text).warnings.map((w) => w.code);

describe('letter format with decimal obligations', () => {
  const r = parseCircular(LETTER_DECIMAL);

  it('reads the letter block, numbered addressees and an a.n. signature', () => {
    expect(r.metadata).toMatchObject({
      number: '800.1.6/1234/BKPSDM',
      date: '2023-10-05',
      place: 'Barabai',
      title: 'Netralitas Pegawai ASN dan Non-ASN pada Pemilu 2024',
      issuer: 'PEMERINTAH KABUPATEN HULU SUNGAI TENGAH',
      signatory: 'Drs. H. MUHAMMAD YANI, M.Si',
      signatoryNip: '196805121993031012',
      addressees: [
        'Para Asisten Sekretaris Daerah',
        'Kepala Perangkat Daerah',
        'Camat se-Kabupaten Hulu Sungai Tengah',
      ],
      scope: ['ASN', 'NON_ASN'],
      regencyName: 'Hulu Sungai Tengah',
      closing: 'Demikian untuk menjadi perhatian dan dilaksanakan.',
    });
    expect(r.metadata.opening).toMatch(/^Menindaklanjuti .* untuk:$/);
  });

  it('nests 2.1 under 2 and inherits the opening request for unsignalled items', () => {
    expect(paths(LETTER_DECIMAL)).toEqual(['1', '1.1', '1.2', '2', '2.1', '2.2', '2.3', '3', '4']);
    expect(r.provisions.find((p) => p.path === '2.3')).toMatchObject({ label: '2.3', depth: 1, parentPath: '2' });
    expect(kinds(LETTER_DECIMAL)).toEqual({
      '1': 'basis',
      '1.1': 'basis',
      '1.2': 'basis',
      '2': 'obligation',
      '2.1': 'obligation',
      '2.2': 'obligation',
      '2.3': 'obligation',
      '3': 'obligation',
      '4': 'sanction',
    });
  });

  it('keeps reduplicated words whole across a line break', () => {
    const text = r.provisions.find((p) => p.path === '2.1')?.text;
    expect(text).toBe(
      'Melakukan sosialisasi netralitas kepada seluruh pegawai di lingkungan masing-masing unit kerja;',
    );
  });

  it('does not read the Tembusan list as provisions', () => {
    expect(r.provisions.some((p) => p.text.includes('Arsip'))).toBe(false);
    expect(r.warnings).toEqual([]);
  });
});

describe("governor's decree-like circular", () => {
  const r = parseCircular(PROVINCE_DECREE);

  it('reads Ditetapkan di / pada tanggal and a province issuer', () => {
    expect(r.metadata).toMatchObject({
      number: '100.3.4.2/0045/B.Pem.Kes/2024',
      date: '2024-08-12',
      place: 'Banjarbaru',
      issuer: 'GUBERNUR KALIMANTAN SELATAN',
      province: 'Kalimantan Selatan',
      regencyName: null,
      signatory: 'H. SAHBIRIN NOOR',
      scope: ['ASN', 'NON_ASN', 'VILLAGE_OFFICIALS'],
      addressees: ['Bupati/Wali Kota se-Kalimantan Selatan', 'Kepala Perangkat Daerah Provinsi Kalimantan Selatan'],
    });
    expect(r.metadata.title).toBe(
      'NETRALITAS APARATUR SIPIL NEGARA, PEGAWAI PEMERINTAH NON PEGAWAI NEGERI, DAN KEPALA DESA DALAM PEMILIHAN KEPALA DAERAH SERENTAK TAHUN 2024',
    );
  });

  it('opens 1) and a) as child levels by style', () => {
    expect(paths(PROVINCE_DECREE)).toEqual([
      'A',
      'A.1',
      'A.2',
      'A.3',
      'B',
      'B.1',
      'B.1.1',
      'B.1.2',
      'B.1.3',
      'B.1.4',
      'B.2',
      'B.2.a',
      'B.2.b',
      'B.2.b.1',
      'B.2.b.2',
      'C',
    ]);
  });

  it('classifies DASAR as basis, dilarang/diminta/menghimbau by their lead clause', () => {
    const k = kinds(PROVINCE_DECREE);
    expect([k.A, k['A.1'], k['A.3']]).toEqual(['basis', 'basis', 'basis']);
    expect(k.B).toBe('other');
    expect([k['B.1'], k['B.1.4']]).toEqual(['prohibition', 'prohibition']);
    expect([k['B.2'], k['B.2.b.2']]).toEqual(['obligation', 'obligation']);
    expect(k.C).toBe('appeal');
  });

  it('suggests disiplin codes for calon and DS-03 for an approach as bakal calon', () => {
    expect(topCodes(PROVINCE_DECREE)).toEqual({
      'B.1.1': 'DS-03',
      'B.1.2': 'DS-05',
      'B.1.3': 'DS-10',
      'B.1.4': 'DS-07',
    });
  });
});

describe('SKB kode etik list (bakal calon)', () => {
  const r = parseCircular(SKB_BAKAL_CALON);

  it('reads a flat list behind "* 1." bullets and a city issuer', () => {
    expect(paths(SKB_BAKAL_CALON)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(r.metadata).toMatchObject({
      number: '800/12/BKD/2023',
      date: '2023-01-02',
      issuer: 'WALI KOTA BANJARMASIN',
      regencyName: 'Banjarmasin',
      regencyKind: 'kota',
      signatory: 'IBNU SINA',
    });
  });

  it('inherits "dilarang" from the opening paragraph', () => {
    expect(new Set(Object.values(kinds(SKB_BAKAL_CALON)))).toEqual(new Set(['prohibition']));
  });

  it('maps each form to its KE code', () => {
    expect(topCodes(SKB_BAKAL_CALON)).toEqual({
      '1': 'KE-01',
      '2': 'KE-02',
      '3': 'KE-03',
      '4': 'KE-04',
      '5': 'KE-05',
      '6': 'KE-06',
      '7': 'KE-07',
    });
  });

  it('ranks the calon variant below the bakal calon one', () => {
    const codes = r.provisions[0]?.codes ?? [];
    expect(codes[0]?.code).toBe('KE-01');
    const ds01 = codes.find((c) => c.code === 'DS-01');
    expect(ds01 === undefined || ds01.score < (codes[0]?.score ?? 0)).toBe(true);
    expect(codes[0]?.matched).toContain('bakal calon');
  });

  it('turns the same list into DS codes when it speaks of calon', () => {
    const calon = SKB_BAKAL_CALON.replace(/bakal calon/g, 'calon');
    const top = topCodes(calon);
    expect([top['1'], top['2'], top['3'], top['4'], top['5']]).toEqual(['DS-01', 'DS-02', 'DS-04', 'DS-06', 'DS-07']);
  });
});

describe('two numbered lists in a row', () => {
  it('treats the second list as a new group led by the unnumbered paragraph, and warns', () => {
    expect(paths(TWO_LISTS)).toEqual(['1', '2', '1-2', '2-2', '4-2']);
    expect(kinds(TWO_LISTS)).toEqual({
      '1': 'prohibition',
      '2': 'prohibition',
      '1-2': 'obligation',
      '2-2': 'obligation',
      '4-2': 'obligation',
    });
    const codes = warningCodes(TWO_LISTS);
    expect(codes).toEqual(expect.arrayContaining(['UNNUMBERED_PARAGRAPH_LEAD_IN', 'LIST_RESTARTED', 'SKIPPED_LABEL']));
    const r = parseCircular(TWO_LISTS);
    expect(r.warnings.find((w) => w.code === 'SKIPPED_LABEL')).toMatchObject({ line: 14 });
    expect(r.metadata).toMatchObject({ number: '5 Tahun 2024', title: 'Netralitas ASN' });
  });

  it('suggests DS-05 and EX-01', () => {
    expect(topCodes(TWO_LISTS)).toEqual({ '1': 'DS-05', '2': 'EX-01' });
  });
});

describe('roman sections and an older prohibition list', () => {
  const r = parseCircular(ROMAN_OLDER_LIST);

  it('reads roman numerals, (a) items and a table row as items; a wrapped "(2)" stays text', () => {
    expect(paths(ROMAN_OLDER_LIST)).toEqual(['I', 'II', 'II.a', 'II.b', 'II.c', 'II.d', 'III', 'III.1', 'IV']);
    expect(r.provisions.find((p) => p.path === 'II.c')?.text).toContain('Pasal 280 ayat (2) huruf f');
    expect(r.provisions.find((p) => p.path === 'III')?.text).toBe('Pegawai ASN juga dilarang:');
  });

  it('classifies a principle as other and a passive sanction clause as sanction', () => {
    expect(kinds(ROMAN_OLDER_LIST)).toMatchObject({
      I: 'other',
      II: 'prohibition',
      'II.a': 'prohibition',
      IV: 'sanction',
    });
  });

  it('suggests EX codes', () => {
    expect(topCodes(ROMAN_OLDER_LIST)).toEqual({
      'II.a': 'EX-01',
      'II.b': 'EX-02',
      'II.c': 'EX-06',
      'II.d': 'EX-07',
      'III.1': 'EX-03',
    });
  });

  it('reads a Pj. signature with pangkat and NIP, the number with its suffix, and village scope', () => {
    expect(r.metadata).toMatchObject({
      number: '270/88-Huk',
      date: '2023-12-01',
      place: 'Tanjungpinang',
      issuer: 'PEMERINTAH KOTA TANJUNGPINANG',
      signatory: 'HASAN, S.Sos',
      signatoryNip: '197203151992031004',
      scope: ['ASN', 'VILLAGE_OFFICIALS'],
    });
  });
});

describe('letter with Hal, blank day, CRLF and sub-points', () => {
  const r = parseCircular(LETTER_KODE_ETIK_CRLF);

  it('reads the letter block and warns that the day is blank', () => {
    expect(r.metadata).toMatchObject({
      number: 'B/800.8/77/BKPSDM/2024',
      title: 'Himbauan Netralitas ASN',
      date: null,
      place: 'Tenggarong',
      issuer: 'PEMERINTAH KABUPATEN KUTAI KARTANEGARA',
      signatory: 'AKMAL MALIK',
      signatoryNip: '197001131992031003',
      addressees: ['Kepala Perangkat Daerah, Camat dan Lurah se-Kabupaten Kutai Kartanegara'],
    });
    expect(r.warnings.find((w) => w.code === 'INCOMPLETE_DATE')?.message.en).toContain('Mei 2024');
  });

  it('reads "diminta memperhatikan bentuk pelanggaran berikut:" as a list of prohibitions', () => {
    expect(paths(LETTER_KODE_ETIK_CRLF)).toEqual(['a', 'b', 'b.1', 'b.2', 'b.3', 'c', 'd']);
    expect(new Set(Object.values(kinds(LETTER_KODE_ETIK_CRLF)))).toEqual(new Set(['prohibition']));
  });

  it('codes an act with sub-points from its own text, and passes the code to the sub-points', () => {
    expect(topCodes(LETTER_KODE_ETIK_CRLF)).toEqual({
      a: 'KE-01',
      b: 'KE-05',
      'b.1': 'KE-05',
      'b.2': 'KE-05',
      'b.3': 'KE-05',
      c: 'DS-03',
      d: 'DS-05',
    });
  });

  it('appends the unnumbered sanction sentence to the last item, with a warning on its line', () => {
    expect(r.provisions.at(-1)?.text).toMatch(/^Menjadi anggota partai politik\. Bagi ASN yang melanggar/);
    expect(r.warnings.find((w) => w.code === 'UNNUMBERED_PARAGRAPH_APPENDED')?.line).toBe(25);
  });
});

describe('flat list without blank lines', () => {
  const r = parseCircular(FLAT_NO_BLANKS);

  it('reads a one-line SURAT EDARAN NOMOR … TENTANG … heading', () => {
    expect(r.metadata).toMatchObject({
      number: '12 TAHUN 2023',
      title: 'NETRALITAS ASN, NON ASN DAN KEPALA DESA PADA PEMILU 2024',
      date: '2023-09-07',
      place: 'Selong',
      issuer: 'BUPATI LOMBOK TIMUR',
      signatory: 'H. M. SUKIMAN AZMY',
      scope: ['ASN', 'NON_ASN', 'VILLAGE_OFFICIALS'],
      closing: 'Demikian untuk dilaksanakan.',
    });
  });

  it('joins wrapped items and classifies principle, prohibition, appeal and sanction', () => {
    expect(kinds(FLAT_NO_BLANKS)).toEqual({ '1': 'other', '2': 'prohibition', '3': 'appeal', '4': 'sanction' });
    expect(r.provisions[0]?.text).toBe(
      'Netralitas ASN merupakan asas bahwa setiap pegawai tidak berpihak dari segala bentuk pengaruh manapun;',
    );
    expect(r.provisions[2]?.addressee).toBe('Kepala Desa dan perangkat desa');
  });

  it('tells the SKB wording (DS-08) from the PP 94 wording (PP94-5N-6)', () => {
    expect(topCodes(FLAT_NO_BLANKS)).toEqual({ '2': 'DS-08' });
  });
});

describe('OCR-damaged copy of the Tanah Laut circular', () => {
  const original = readFileSync(
    new URL('../../fixtures/circulars/tanah-laut-se-863-0321-bkpsdm-2023.md', import.meta.url),
    'utf8',
  );
  const noisy = original
    .replace('863/ 0321 /BKPSDM/2023', '863/ O321 /BKPSDM/2O23')
    .replace('30 Januari 2023', '3O Januarl 2023')
    .replace('PEMILIHAN UMUM DAN PEMILIHAN', 'PEMILIHAN UMUM DAN PEMIIHAN')
    .replace('A. Setiap ASN dilarang:', 'A.Setiap ASN dilarang:')
    .replace('1. Memberikan dukungan', 'l. Memberikan dukungan')
    .replace('1. Mensosialisasikan', 'I. Mensosialisasikan')
    .replace('a. ikut kampanye;', 'a. ikut kam-\n    panye;')
    .replace('fasilitas negara.', 'fasi1itas negara.')
    .replace('dan Pemilihan Tahun 2024 yang', 'dan Pemiihan Tahun 2024 yang')
    .replace('\nB. Setiap', '\n- 2 -\n\nHalaman 2 dari 3\n\nB. Setiap');
  const clean = parseCircular(original);
  const r = parseCircular(noisy);

  it('repairs the number, date and title', () => {
    expect(r.metadata).toMatchObject({
      number: '863/0321/BKPSDM/2023',
      date: '2023-01-30',
      title: 'NETRALITAS ASN DALAM PELAKSANAAN PEMILIHAN UMUM DAN PEMILIHAN TAHUN 2024',
    });
    expect(r.metadata.opening).toContain('Pemilihan Tahun 2024');
  });

  it('keeps the same tree, kinds and codes', () => {
    expect(r.provisions.map((p) => [p.path, p.kind])).toEqual(clean.provisions.map((p) => [p.path, p.kind]));
    expect(r.provisions.map((p) => p.codes[0]?.code)).toEqual(clean.provisions.map((p) => p.codes[0]?.code));
  });

  it('rejoins the hyphenated word, fixes digits inside words and drops page furniture', () => {
    expect(r.provisions.find((p) => p.path === 'A.1.a')?.text).toBe('ikut kampanye;');
    expect(r.provisions.find((p) => p.path === 'A.1.d')?.text).toBe(
      'sebagai peserta kampanye dengan menggunakan fasilitas negara.',
    );
    expect(r.provisions.find((p) => p.path === 'A.4')?.text).toBe(clean.provisions.find((p) => p.path === 'A.4')?.text);
    expect(r.warnings).toEqual([]);
  });
});

describe('Markdown and layout noise', () => {
  const doc = `## BUPATI KOTAWARINGIN BARAT

Pangkalan Bun, 14 Februari 2024

**SURAT EDARAN**
**NOMOR 800/ 101 /BKPSDM/II/2024**

# TENTANG
# NETRALITAS PEGAWAI ASN

Berdasarkan Keputusan Bersama tersebut, dengan ini diinstruksikan kepada seluruh ASN untuk:

1\\. Tidak memberikan dukungan kepada calon melalui media sosial;
2\\. Melaporkan kepada atasan langsung apabila mengetahui adanya pelanggaran;
   a. melalui aplikasi pengaduan; atau
   b. secara tertulis kepada Inspektorat:
      1) identitas pelapor;
      2) uraian kejadian.
3\\. Menjaga netralitas.

Hal tersebut sangat penting.

- 3 -

BUPATI KOTAWARINGIN BARAT

4\\. Dilarang menjadi anggota partai politik.

Demikian agar dilaksanakan.

BUPATI KOTAWARINGIN BARAT,

**NURHIDAYAH**`;
  const r = parseCircular(doc);

  it('strips Markdown escapes, emphasis and headings', () => {
    expect(r.metadata).toMatchObject({
      number: '800/101/BKPSDM/II/2024',
      title: 'NETRALITAS PEGAWAI ASN',
      issuer: 'BUPATI KOTAWARINGIN BARAT',
      signatory: 'NURHIDAYAH',
      date: '2024-02-14',
    });
  });

  it('builds 2.a … 2.b.1 paths and skips the running page header', () => {
    expect(paths(doc)).toEqual(['1', '2', '2.a', '2.b', '2.b.1', '2.b.2', '3', '4']);
  });

  it('appends an unnumbered paragraph to the previous item and warns', () => {
    expect(r.provisions.find((p) => p.path === '3')?.text).toBe('Menjaga netralitas. Hal tersebut sangat penting.');
    expect(r.warnings.map((w) => w.code)).toEqual(['UNNUMBERED_PARAGRAPH_APPENDED', 'MISSING_ADDRESSEES']);
    expect(r.warnings[0]?.line).toBe(21);
  });

  it('lets an own "dilarang" override the inherited instruction', () => {
    expect(kinds(doc)).toMatchObject({ '1': 'obligation', '2.b.2': 'obligation', '4': 'prohibition' });
    expect(r.provisions.find((p) => p.path === '4')?.codes[0]?.code).toBe('DS-05');
  });
});

describe('odd inputs', () => {
  it('warns about empty input', () => {
    const r = parseCircular('');
    expect(r.provisions).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(['EMPTY_INPUT']);
  });

  it('survives non-string input from untyped callers', () => {
    for (const bad of [null, undefined, 42, {}, Symbol('x')]) {
      expect(() => circularParseResultSchema.parse(parseCircular(bad as unknown as string))).not.toThrow();
    }
  });

  it('reads only labels and warns about empty items', () => {
    const r = parseCircular('A.\n1.\na.\nb.\n2.\nB.');
    expect(r.provisions.map((p) => p.path)).toEqual(['A', 'A.1', 'A.1.a', 'A.1.b', 'A.2', 'B']);
    expect(r.warnings.filter((w) => w.code === 'EMPTY_PROVISION')).toHaveLength(6);
  });

  it('gives repeated labels unique paths', () => {
    const r = parseCircular('1. satu.\n2. dua.\n2. dua lagi.\n3. tiga.');
    expect(r.provisions.map((p) => p.path)).toEqual(['1', '2', '2-2', '3']);
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['LABEL_OUT_OF_ORDER', 'DUPLICATE_PATH']));
  });

  it('caps nesting depth on hostile input', () => {
    const r = parseCircular(Array.from({ length: 50 }, () => '1. lanjut:').join('\n'));
    expect(Math.max(...r.provisions.map((p) => p.depth))).toBeLessThan(8);
    expect(new Set(r.provisions.map((p) => p.path)).size).toBe(50);
  });

  it('does not end the body at an office name that finishes a sentence', () => {
    const doc =
      'A. Setiap ASN wajib:\n1. melaporkan pelanggaran kepada\nBupati Tanah Laut.\n\nDemikian.\n\nBUPATI TANAH LAUT,\n\nH. SUKAMTA';
    const r = parseCircular(doc);
    expect(r.provisions.map((p) => p.text)).toEqual([
      'Setiap ASN wajib:',
      'melaporkan pelanggaran kepada Bupati Tanah Laut.',
    ]);
    expect(r.metadata.signatory).toBe('H. SUKAMTA');
  });

  // No wall-clock assertions (speed is measured in bench/): a quadratic path on these 300 KB
  // shapes takes minutes and trips the test timeout, which is the guard.
  it('gets through pathological shapes', () => {
    const shapes = [
      'a'.repeat(300_000),
      '((((((((((('.repeat(30_000),
      'Yth.\n'.repeat(30_000),
      'BUPATI TANAH LAUT\n'.repeat(30_000),
      '- '.repeat(150_000),
      `TENTANG\n${'JUDUL\n'.repeat(30_000)}`,
      '1.1.1.1 '.repeat(40_000),
      `Demikian ${'kata '.repeat(60_000)}`,
      'Pelaihari, 30 Januari 2023, '.repeat(10_000),
      `1. ${'dilarang kepada seluruh ASN agar '.repeat(10_000)}`,
      'kata kata\n'.repeat(100_000),
      `1. awal\n${'lanjutan kata-\nkata\n\n'.repeat(30_000)}`,
    ];
    for (const s of shapes) {
      expect(circularParseResultSchema.safeParse(parseCircular(s)).success).toBe(true);
    }
  });

  it('keeps every item of a large input', () => {
    const big = `${'1. Pegawai ASN dilarang ikut kampanye.\n'.repeat(20_000)}${'x'.repeat(200_000)}`;
    const r = parseCircular(big);
    expect(r.provisions.length).toBe(20_000);
  });
});
