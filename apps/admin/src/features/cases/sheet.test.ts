import { describe, expect, it } from 'vitest';
import { cellText, parseCsv, trimSheet } from './sheet';

describe('reading a sheet in the browser', () => {
  it('reads the CSV that Indonesian Excel writes: semicolons, a BOM, quoted line breaks', () => {
    const rows = parseCsv('\uFEFFNama Terlapor;NIP;Uraian Kejadian\r\nBudi;198001012005011001;"baris 1\nbaris 2"\r\n');
    expect(rows[0]).toEqual(['Nama Terlapor', 'NIP', 'Uraian Kejadian']);
    expect(rows[1]).toEqual(['Budi', '198001012005011001', 'baris 1\nbaris 2']);
  });

  it('turns cells into text without inventing digits', () => {
    expect(cellText(new Date(Date.UTC(2024, 9, 1)))).toBe('2024-10-01');
    expect(cellText(42)).toBe('42');
    expect(cellText(2.5)).toBe('2.5');
    // An 18-digit NIP in a number cell has lost its last digits: keep the exponent so it shows.
    expect(cellText(Number('198001012005011001'))).toMatch(/e\+17$/);
    expect(cellText(true)).toBe('ya');
    expect(cellText(null)).toBe('');
  });

  it('drops trailing empty cells and rows', () => {
    expect(trimSheet([['a', 'b', ''], ['', ''], ['c'], [''], []])).toEqual([['a', 'b'], [], ['c']]);
  });
});
