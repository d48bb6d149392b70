import { describe, expect, it } from 'vitest';
import {
  cleanNumber,
  detectScope,
  findDate,
  isSignatureTitle,
  parseMonth,
  parsePlaceDate,
  regionFromOffice,
} from './fields';

describe('dates', () => {
  it('reads Indonesian month names, abbreviations and OCR damage', () => {
    const months = ['Januari', 'Pebruari', 'Mar', 'April', 'Mei', 'Jun', 'Juli', 'Agt', 'Sept', 'Okt', 'Nop', 'Des'];
    expect(months.map(parseMonth)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(['Januarl', 'Desernber', 'Agustns', '0ktober', 'Ju1i', 'Nopember'].map(parseMonth)).toEqual([
      1, 12, 8, 10, 7, 11,
    ]);
    expect(['Senin', 'Jumat', 'xx'].map(parseMonth)).toEqual([null, null, null]);
  });

  it('finds dates in several shapes', () => {
    expect(findDate('pada tanggal 30 Januari 2023')?.iso).toBe('2023-01-30');
    expect(findDate('3O Jan 2O23')?.iso).toBe('2023-01-30');
    expect(findDate('Tanggal : 05-10-2023')?.iso).toBe('2023-10-05');
    expect(findDate('31 Februari 2023')).toMatchObject({ iso: null });
    expect(findDate('Mei 2024')).toMatchObject({ iso: null, text: 'Mei 2024' });
  });

  it('reads place/date lines and nothing else', () => {
    expect(parsePlaceDate('Bandar Seri Bentan, 25 November 2023')).toMatchObject({
      place: 'Bandar Seri Bentan',
      date: { iso: '2023-11-25' },
    });
    expect(parsePlaceDate('Tj. Pinang, 1 Des 2023')?.place).toBe('Tj. Pinang');
    expect(parsePlaceDate('Ranai,     Mei 2024')).toMatchObject({ place: 'Ranai', date: { iso: null } });
    expect(parsePlaceDate('Nomor : 800/1/2023, 12 Mei 2023')).toBeNull();
    expect(parsePlaceDate('ASN dilarang ikut kampanye, 12 Mei 2023 sampai selesai')).toBeNull();
  });
});

describe('numbers', () => {
  it('removes spaces around separators and fixes OCR digits in numeric parts only', () => {
    expect(cleanNumber(' : 863/ 0321 /BKPSDM/2023')).toBe('863/0321/BKPSDM/2023');
    expect(cleanNumber('GO7/ 12 /BKD/2O23.')).toBe('607/12/BKD/2023');
    expect(cleanNumber('KP.07.1/3/418.50/VI/2023')).toBe('KP.07.1/3/418.50/VI/2023');
    expect(cleanNumber('270/ 88 -Huk')).toBe('270/88-Huk');
    expect(cleanNumber('5 TAHUN 2023 TENTANG NETRALITAS')).toBe('5 TAHUN 2023');
    expect(cleanNumber('Penting')).toBeNull();
  });
});

describe('offices and regions', () => {
  it('recognises signature titles, not sentences', () => {
    for (const t of [
      'BUPATI TANAH LAUT,',
      'Bupati Bintan',
      'Pj. BUPATI BINTAN,',
      'a.n. BUPATI HULU SUNGAI TENGAH',
      'SEKRETARIS DAERAH,',
    ]) {
      expect(isSignatureTitle(t)).toBe(true);
    }
    for (const t of [
      'Bupati Tanah Laut Nomor 5 Tahun 2020',
      'Bupati menghimbau seluruh ASN',
      'Kepala Dinas wajib melapor',
    ]) {
      expect(isSignatureTitle(t)).toBe(false);
    }
  });

  it('names the regency, city or province an office stands for', () => {
    expect(regionFromOffice('Pj. BUPATI TANAH LAUT')).toEqual({
      regencyName: 'Tanah Laut',
      regencyKind: 'kabupaten',
      province: null,
    });
    expect(regionFromOffice('WALIKOTA BANJARMASIN')).toMatchObject({ regencyName: 'Banjarmasin', regencyKind: 'kota' });
    expect(regionFromOffice('GUBERNUR KEPULAUAN RIAU')).toMatchObject({ province: 'Kepulauan Riau' });
    expect(regionFromOffice('PEMERINTAH PROVINSI DKI JAKARTA')).toMatchObject({ province: 'DKI Jakarta' });
  });

  it('detects the scope from the words used', () => {
    expect(detectScope(['Pegawai Negeri Sipil'])).toEqual(['ASN']);
    expect(detectScope(['tenaga honorer dan PPNPN'])).toEqual(['ASN', 'NON_ASN']);
    expect(detectScope(['ASN', 'Pegawai Pemerintah Non Pegawai Negeri', 'perangkat desa'])).toEqual([
      'ASN',
      'NON_ASN',
      'VILLAGE_OFFICIALS',
    ]);
    expect(detectScope(['netralitas'])).toEqual([]);
  });
});
