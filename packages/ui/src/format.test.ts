import { describe, expect, it } from 'vitest';
import { formatDate, formatMonth, formatNumber, formatPercent } from './format';
import { interpolate, pickLocale } from './i18n';

describe('formatting', () => {
  it('writes calendar dates in Indonesian without a time-zone shift', () => {
    expect(formatDate('2024-01-01', 'id')).toBe('1 Januari 2024');
    expect(formatDate('2024-11-27', 'en')).toBe('27 November 2024');
    expect(formatDate(null, 'id')).toBe('—');
    expect(formatMonth('2024-11', 'id', 'long')).toBe('November 2024');
    expect(formatMonth('2024-02-01', 'id')).toBe('Feb 2024');
    expect(formatMonth('2024-08', 'en', 'long')).toBe('August 2024');
    expect(formatMonth('soon', 'en')).toBe('soon');
  });

  it('uses Indonesian digit grouping and decimal comma', () => {
    expect(formatNumber(1234567, 'id')).toBe('1.234.567');
    expect(formatPercent(0.4567, 'id')).toBe('45,7%');
    expect(formatPercent(null, 'en')).toBe('—');
  });

  it('picks one half of an "id / en" server message and fills placeholders', () => {
    expect(pickLocale('Wajib diisi / Required', 'id')).toBe('Wajib diisi');
    expect(pickLocale('Wajib diisi / Required', 'en')).toBe('Required');
    expect(pickLocale('Tanpa terjemahan', 'en')).toBe('Tanpa terjemahan');
    expect(interpolate('{from}–{to} dari {total}', { from: 1, to: 50, total: 1000 })).toBe('1–50 dari 1000');
  });
});
