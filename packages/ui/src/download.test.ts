import { describe, expect, it } from 'vitest';
import { toCsv } from './download';

describe('CSV export', () => {
  it('states its filters before the header and quotes what needs quoting', () => {
    const csv = toCsv(
      [{ no: 'SE/1, 2024', n: 3 }],
      [
        { header: 'Nomor', value: (r) => r.no },
        { header: 'Jumlah', value: (r) => r.n },
      ],
      [['Filter', 'status=received']],
    );
    expect(csv.split('\r\n')).toEqual(['Filter,status=received', '', 'Nomor,Jumlah', '"SE/1, 2024",3', '']);
  });
});
