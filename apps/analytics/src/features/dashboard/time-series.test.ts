import { describe, expect, it } from 'vitest';
import { nextMonth, timeSeries, weekOf } from './time-series';

const cell = (key: string, n: number | null = 1) => ({ key, n, suppressed: n === null });

describe('the time axis', () => {
  it('has every month between the first and the last, widened to the campaign', () => {
    const { keys, byKey } = timeSeries([cell('2024-07-01', 4), cell('2024-08-01', 2)], 'month', {
      campaigns: [{ start: '2024-09-25', end: '2024-11-23' }],
    });
    expect(keys).toEqual(['2024-07-01', '2024-08-01', '2024-09-01', '2024-10-01', '2024-11-01']);
    expect(byKey.get('2024-09-01')).toBeUndefined();
  });

  it('is cut to the months of the filter', () => {
    const { keys } = timeSeries([cell('2023-12-01'), cell('2024-03-01')], 'month', {
      from: '2024-01',
      to: '2024-02',
      campaigns: [{ start: '2023-11-28', end: '2024-02-10' }],
    });
    expect(keys).toEqual(['2024-01-01', '2024-02-01']);
  });

  it('counts weeks from Monday across a year end', () => {
    expect(weekOf('2024-09-25')).toBe('2024-09-23');
    expect(weekOf('2023-11-27')).toBe('2023-11-27');
    const { keys } = timeSeries([cell('2023-12-25'), cell('2024-01-08', null)], 'week', { campaigns: [] });
    expect(keys).toEqual(['2023-12-25', '2024-01-01', '2024-01-08']);
    expect(nextMonth('2024-12')).toBe('2025-01-01');
  });

  it('is empty without data', () => {
    expect(timeSeries([], 'month', { campaigns: [{ start: '2024-09-25', end: '2024-11-23' }] }).keys).toEqual([]);
  });
});
