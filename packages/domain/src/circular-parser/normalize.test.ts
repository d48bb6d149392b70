import { describe, expect, it } from 'vitest';
import { fixOcrWords, foldForMatch, joinLines, parseLabel, prepareLines, sanitizeInput } from './normalize';

const read = (text: string) => {
  const p = parseLabel(text);
  return p ? { kinds: p.label.candidates.map((c) => `${c.kind}${c.ordinal}`), rest: p.rest } : null;
};

describe('parseLabel', () => {
  it('reads every numbering style', () => {
    expect(read('A. DASAR')).toEqual({ kinds: ['upper1'], rest: 'DASAR' });
    expect(read('12. Menjaga')?.kinds).toEqual(['arabic12']);
    expect(read('b) menyampaikan')?.kinds).toEqual(['lower2']);
    expect(read('(3) Pegawai')?.kinds).toEqual(['arabic3']);
    expect(read('(c) huruf')?.kinds).toEqual(['lower3']);
    expect(read('IV. SANKSI')?.kinds).toEqual(['roman4']);
    expect(parseLabel('2.1. Melakukan')?.label.candidates[0]).toMatchObject({
      kind: 'decimal',
      ordinal: 1,
      prefix: '2',
    });
    expect(parseLabel('3.2.4 Melapor')?.label.candidates[0]).toMatchObject({
      ordinal: 4,
      prefix: '3.2',
      style: 'decimal3',
    });
  });

  it('keeps OCR readings of 1 as candidates', () => {
    expect(read('l. Memberikan')?.kinds).toEqual(['lower12', 'arabic1']);
    expect(read('I. Mensosialisasikan')?.kinds).toEqual(['upper9', 'roman1', 'arabic1']);
    expect(read('1O. Sepuluh')?.kinds).toEqual(['arabic10']);
    expect(read('1.Memberikan')?.kinds).toEqual(['arabic1']);
  });

  it('does not take words, numbers or abbreviations for labels', () => {
    for (const t of [
      'Jl. A. Yani',
      'No. 5',
      'Hj. Siti',
      '2023. Tahun',
      '1447.1/PM.01',
      '20.000 orang',
      'a.n. Bupati',
      '(ASN)',
      'Pasal 5',
    ]) {
      expect(parseLabel(t)).toBeNull();
    }
  });
});

describe('prepareLines', () => {
  it('strips Markdown headings, bullets, emphasis and escapes', () => {
    const [h, b, e] = prepareLines('## A. DASAR\n  - **1\\.** Undang-Undang\n_NETRALITAS_ ASN');
    expect(h).toMatchObject({ heading: true, text: 'A. DASAR', rest: 'DASAR' });
    expect(b).toMatchObject({ bullet: true, text: '1. Undang-Undang', rest: 'Undang-Undang' });
    expect(e?.text).toBe('NETRALITAS ASN');
  });

  it('drops page numbers, headers and rules but keeps line numbers', () => {
    const lines = prepareLines('satu\n- 2 -\nHalaman 2 dari 3\n---\n3\ndua');
    expect(lines.map((l) => l.furniture || l.blank)).toEqual([false, true, true, true, true, false]);
    expect(lines[5]?.no).toBe(6);
  });

  it('flattens pipe tables, turning a number cell into a label', () => {
    const lines = prepareLines('| No | Bentuk |\n|---|---|\n| 1 | Memasang spanduk | moral |');
    expect(lines[0]?.furniture).toBe(true);
    expect(lines[2]).toMatchObject({ text: '1. Memasang spanduk moral', rest: 'Memasang spanduk moral' });
  });
});

describe('text repair', () => {
  it('joins words split at the line end, keeps reduplication and capitalised compounds', () => {
    expect(joinLines(['penyeleng-', 'garaan Pemilu'])).toBe('penyelenggaraan Pemilu');
    expect(joinLines(['masing-', 'masing unit'])).toBe('masing-masing unit');
    expect(joinLines(['se-', 'Kabupaten Bintan'])).toBe('se-Kabupaten Bintan');
    expect(joinLines(['pra-', 'dan pascakampanye'])).toBe('pra- dan pascakampanye');
    expect(joinLines(['kampanye', '', 'dan'])).toBe('kampanye dan');
  });

  it('fixes OCR misreadings inside words', () => {
    expect(fixOcrWords('Pemiihan Umum dan PEMIIHAN')).toBe('Pemilihan Umum dan PEMILIHAN');
    expect(fixOcrWords('pe1aksana p0litik PEM1LIHAN 2024 A1')).toBe('pelaksana politik PEMILIHAN 2024 A1');
  });

  it('folds spelling variants for matching', () => {
    expect(foldForMatch('Medsos, Non-ASN, Walikota, foto copy KTP, isteri')).toBe(
      'media sosial, non asn, wali kota, fotokopi ktp, istri',
    );
  });

  it('sanitises control characters, odd spaces and line ends', () => {
    const s = sanitizeInput('A.\u00a0Satu\r\nB.\u200b Dua\u0000\rC.');
    expect(s.text).toBe('A. Satu\nB. Dua \nC.');
    expect(s.controlRatio).toBeGreaterThan(0);
  });
});
