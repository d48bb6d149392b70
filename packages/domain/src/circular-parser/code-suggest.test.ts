import { describe, expect, it } from 'vitest';
import { prohibitionTypes } from '../taxonomy';
import { findAddressee, ownKind } from './classify';
import { suggestCodes } from './code-suggest';

const PP94_LEAD =
  'Memberikan dukungan kepada calon Presiden/Wakil Presiden, calon Kepala Daerah/Wakil Kepala Daerah dengan cara:';
const leaf = (leadIns: string[] = []) => ({ leadIns, siblingPp94: false, hasChildren: false });
const top = (text: string, leadIns: string[] = []) => suggestCodes(text, leaf(leadIns))[0]?.code;

describe('ownKind', () => {
  it('reads the lead clause', () => {
    expect(ownKind('Setiap ASN dilarang:', false)).toBe('prohibition');
    expect(ownKind('Setiap Kepala Perangkat Daerah wajib untuk:', false)).toBe('obligation');
    expect(ownKind('Kepada seluruh ASN agar tetap menjaga kebersamaan', false)).toBe('obligation');
    expect(ownKind('Menghimbau kepada seluruh ASN agar tetap menjaga', false)).toBe('appeal');
    expect(ownKind('DASAR HUKUM', false)).toBe('basis');
    expect(ownKind('Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara;', true)).toBe('basis');
    expect(ownKind('ASN yang terbukti melanggar dikenakan sanksi sesuai ketentuan.', true)).toBe('sanction');
    expect(ownKind('Netralitas merupakan asas bahwa setiap pegawai tidak berpihak.', false)).toBeNull();
  });

  it('ignores words deep inside an item and weak words under an inherited kind', () => {
    const kegiatan =
      'Mengadakan kegiatan yang mengarah kepada keberpihakan terhadap pasangan calon meliputi pertemuan, ajakan, himbauan, seruan';
    expect(ownKind(kegiatan, true)).toBeNull();
    expect(ownKind('mengajak masyarakat agar memilih calon tertentu;', true)).toBeNull();
    expect(ownKind('Kepala Perangkat Daerah wajib menjatuhkan sanksi kepada pelanggar.', true)).toBe('obligation');
  });

  it('names the addressee without quantifiers', () => {
    expect(findAddressee('Setiap ASN dan Non ASN dilarang:')).toBe('ASN dan Non ASN');
    expect(findAddressee('Menghimbau kepada seluruh ASN di lingkungannya agar tetap')).toBe('ASN di lingkungannya');
    expect(findAddressee('Memberikan dukungan kepada calon Presiden dengan cara:')).toBeNull();
  });
});

describe('suggestCodes', () => {
  it('uses the PP 94 lead-in for short items', () => {
    expect(top('ikut kampanye;', [PP94_LEAD])).toBe('PP94-5N-1');
    expect(top('sebagai peserta kampanye dengan mengerahkan PNS lain;', [PP94_LEAD])).toBe('PP94-5N-3');
    expect(top('sebagai peserta kampanye dengan menggunakan fasilitas negara.', [PP94_LEAD])).toBe('PP94-5N-4');
  });

  it('falls back to the older-list codes without that lead-in', () => {
    expect(top('menggunakan fasilitas negara terkait jabatan dalam kegiatan kampanye')).toBe('EX-03');
    expect(top('mengerahkan ASN lain untuk hadir dalam kampanye')).toBe('EX-04');
    expect(top('mendeklarasikan diri sebagai bakal calon Bupati')).toBe('EX-02');
  });

  it('tells bakal calon from calon, also through the lead-in', () => {
    expect(top('Memasang baliho terkait bakal calon Bupati')).toBe('KE-01');
    expect(top('Memasang baliho terkait calon Bupati')).toBe('DS-01');
    expect(top('Memasang baliho;', ['Bentuk pelanggaran kode etik terkait bakal calon:'])).toBe('KE-01');
    expect(top('Memasang baliho;', ['Bentuk pelanggaran disiplin terkait calon:'])).toBe('DS-01');
    expect(top('Menjadi tim pemenangan bakal pasangan calon sebelum penetapan')).toBe('DS-09');
    expect(top('Menjadi tim pemenangan pasangan calon setelah penetapan')).toBe('DS-10');
  });

  it('ranks best first with scores in 0..1 and the matched words', () => {
    const codes = suggestCodes('Memberikan surat dukungan disertai fotokopi KTP', leaf([PP94_LEAD]));
    expect(codes[0]?.code).toBe('PP94-5N-7');
    expect(codes[0]?.matched).toEqual(expect.arrayContaining(['surat dukungan', 'ktp', 'disertai']));
    for (let i = 1; i < codes.length; i++) expect(codes[i]?.score).toBeLessThanOrEqual(codes[i - 1]?.score ?? 1);
    for (const c of codes) expect(c.score).toBeGreaterThanOrEqual(0);
  });

  it('gives a "dengan cara:" lead-in no code of its own', () => {
    expect(suggestCodes(PP94_LEAD, { leadIns: [], siblingPp94: false, hasChildren: true })).toEqual([]);
  });

  it('codes each act of the taxonomy from its own wording', () => {
    // The national wording of every type (DOMAIN.md §3) must come back as that type.
    for (const t of prohibitionTypes) {
      const lead = t.regime === 'pp94' ? [PP94_LEAD] : t.regime === 'kode_etik' ? ['kode etik'] : [];
      expect([t.code, top(t.wording, lead)]).toEqual([t.code, t.code]);
    }
  });
});
