import { describe, expect, it } from 'vitest';
import { type ChartConfig, type ChartDatum, chartColors, chartSummary, countText, toPlotRows } from './chart';

const config = {
  kode_etik: { label: { id: 'Kode etik', en: 'Code of ethics' }, color: chartColors[0] },
  disiplin: { label: { id: 'Disiplin', en: 'Discipline' }, color: chartColors[1] },
} satisfies ChartConfig;
type Key = keyof typeof config;

const data: ChartDatum<Key>[] = [
  {
    key: 'MEDSOS',
    label: 'Media sosial',
    values: { kode_etik: { n: 1234, suppressed: false }, disiplin: { n: null, suppressed: true } },
  },
  {
    key: 'FOTO',
    label: 'Foto',
    values: { kode_etik: { n: 7, suppressed: false }, disiplin: { n: 12, suppressed: false } },
  },
];

describe('chart data', () => {
  it('plots hidden counts as 0 and shows them as "<3", numbers in the reader’s format', () => {
    const rows = toPlotRows(data, ['kode_etik', 'disiplin'], 'id');
    expect(rows[0]?.values).toEqual({ kode_etik: 1234, disiplin: 0 });
    expect(rows[0]?.texts).toEqual({ kode_etik: '1.234', disiplin: '<3' });
    expect(toPlotRows(data, ['kode_etik'], 'en')[0]?.texts).toEqual({ kode_etik: '1,234' });
    expect(countText(undefined, 'id')).toBe('0');
  });

  it('sums up a chart for screen readers without naming hidden counts', () => {
    const series = [
      { key: 'kode_etik' as const, label: 'Kode etik' },
      { key: 'disiplin' as const, label: 'Disiplin' },
    ];
    expect(chartSummary('Rumpun', data, series, 'id')).toBe(
      'Rumpun. 2 kategori. Terbanyak: Kode etik: Media sosial 1.234, Foto 7; Disiplin: Foto 12. Rincian ada di tabel data.',
    );
    expect(chartSummary('Families', [], series, 'en')).toBe('Families. No data.');
  });
});
