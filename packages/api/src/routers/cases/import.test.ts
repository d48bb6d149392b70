import { rebuildRollups } from '@netral/db/queries/rollups';
import { TRPCError } from '@trpc/server';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BINTAN, createTestWorld, TANAH_LAUT, type TestWorld } from '../../testing';
import { findLayout, parseSheetDate } from './sheet';
import { type CaseFixtures, insertCaseFixtures, VALID_NIP } from './test-fixtures';

let world: TestWorld;
let fx: CaseFixtures;

beforeAll(async () => {
  world = await createTestWorld();
  fx = await insertCaseFixtures(world);
}, 60_000);
afterAll(() => world?.close());

const HEADER = [
  'No',
  'Nama Terlapor',
  'NIP',
  'Jenis Kepegawaian',
  'Kategori Jabatan',
  'Jabatan',
  'Unit Kerja',
  'Kontestasi',
  'Tanggal Kejadian',
  'Tanggal Diterima',
  'Sumber',
  'Uraian Kejadian',
  'Ketentuan',
  'Kode Larangan',
  'Nama Pelapor',
];

type Row = Partial<Record<(typeof HEADER)[number], string>>;

function row(overrides: Row = {}): string[] {
  const base: Row = {
    No: '1',
    'Nama Terlapor': 'Ahmad Impor',
    NIP: '19800101 200501 1 001',
    'Jenis Kepegawaian': 'PNS',
    'Kategori Jabatan': 'Fungsional',
    Jabatan: 'Guru Ahli Pertama',
    'Unit Kerja': 'dinas pendidikan',
    Kontestasi: 'Pilkada 2024',
    'Tanggal Kejadian': '1/10/2024',
    'Tanggal Diterima': '3 Oktober 2024',
    Sumber: 'Temuan Bawaslu',
    'Uraian Kejadian': 'Mengunggah ajakan memilih di media sosial.',
    Ketentuan: 'A.1',
    'Kode Larangan': '',
    'Nama Pelapor': '',
    ...overrides,
  };
  return HEADER.map((h) => base[h] ?? '');
}

/** A sheet as Bawaslu sends it: a title line and a blank line above the headers. */
function sheet(rows: string[][]): string[][] {
  return [['Rekap dugaan pelanggaran netralitas ASN'], [''], HEADER, ...rows];
}

async function count(table: 'cases' | 'audit_events'): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(world.db.db);
  return r.rows[0]?.n ?? 0;
}

async function rollupSnapshot(): Promise<string[]> {
  const r = await sql<{ row: string }>`
    select concat_ws('|', status, unit_kind, regency_id, contest, period, dim, key, n) as row
      from case_rollup where n <> 0 order by 1`.execute(world.db.db);
  return r.rows.map((x) => x.row);
}

async function trpcError(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

async function errorData(promise: Promise<unknown>) {
  const error = await trpcError(promise);
  const { getErrorShape } = await import('@trpc/server/unstable-core-do-not-import');
  const { appRouter } = await import('../../router');
  const shape = getErrorShape({
    config: appRouter._def._config,
    error,
    type: 'mutation',
    path: 'cases.import',
    input: undefined,
    ctx: { locale: 'id' } as never,
  }) as { message: string; data: { code: string; domainCode: string | null; fieldErrors: Record<string, string[]> } };
  return { ...shape.data, message: shape.message };
}

describe('sheet reading', () => {
  it('reads the dates people write', () => {
    expect(parseSheetDate('2024-10-01')).toBe('2024-10-01');
    expect(parseSheetDate('1/10/2024')).toBe('2024-10-01');
    expect(parseSheetDate('01-10-2024')).toBe('2024-10-01');
    expect(parseSheetDate('1 Oktober 2024')).toBe('2024-10-01');
    expect(parseSheetDate('45566')).toBe('2024-10-01');
    expect(parseSheetDate('31/02/2024')).toBe('31/02/2024');
    expect(parseSheetDate('kemarin')).toBe('kemarin');
  });

  it('finds the header row below title lines, and names missing required columns', () => {
    const layout = findLayout(sheet([row()]));
    expect(layout?.headerRow).toBe(3);
    expect(layout?.missing).toEqual([]);
    expect(layout?.columns.find((c) => c.header === 'No')?.key).toBeNull();
    const partial = findLayout([['Nama', 'NIP', 'Jabatan']]);
    expect(partial?.missing).toEqual(expect.arrayContaining(['Kontestasi', 'Tanggal Kejadian', 'Uraian Kejadian']));
    expect(
      findLayout([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toBeNull();
  });
});

describe('cases.importPreview', () => {
  it('judges every row as cases.create would, and writes nothing', async () => {
    const cases = await count('cases');
    const audits = await count('audit_events');
    const preview = await world.callers.tanahlaut.cases.importPreview({
      regencyId: TANAH_LAUT,
      fileName: 'rekap.csv',
      sheet: sheet([
        row(),
        row({ 'Nama Terlapor': 'NIP Salah', NIP: '198013012005011001' }),
        row({ 'Nama Terlapor': 'Unit Asing', 'Unit Kerja': 'Dinas Kebudayaan' }),
        row({ 'Nama Terlapor': 'Unit Lama', 'Unit Kerja': 'Dinas Lama' }),
        row({ 'Nama Terlapor': 'Tanpa Uraian', 'Uraian Kejadian': '' }),
        row({ 'Nama Terlapor': 'Tanggal Aneh', 'Tanggal Kejadian': '31/02/2024' }),
        row({ 'Nama Terlapor': 'Butir Hilang', Ketentuan: 'Z.9' }),
        ['', '', '', ''],
        row({
          'Nama Terlapor': 'Kode Sendiri',
          Ketentuan: '',
          'Kode Larangan': 'DS-02, KE-04',
          'Tanggal Kejadian': '2024-08-01',
          'Nama Pelapor': 'Rahasia Pelapor',
        }),
        row({ 'Nama Terlapor': 'NIP Excel', NIP: '1.98001E+17' }),
      ]),
    });
    expect(preview.headerRow).toBe(3);
    expect(preview.valid).toBe(2);
    expect(preview.invalid).toBe(7);
    const byName = new Map(preview.rows.map((r) => [r.subjectName, r]));
    expect(byName.get('Ahmad Impor')).toMatchObject({ row: 4, ok: true, codes: ['KE-02'], phase: 'Masa kampanye' });
    expect(byName.get('NIP Salah')?.errors).toEqual([
      { column: 'NIP', message: expect.stringMatching(/Tanggal lahir pada NIP/) },
    ]);
    expect(byName.get('Unit Asing')?.errors[0]).toMatchObject({
      column: 'Unit Kerja',
      message: expect.stringMatching(/Dinas Kebudayaan.*tidak ditemukan/),
    });
    expect(byName.get('Unit Lama')?.errors[0]).toMatchObject({
      column: 'Unit Kerja',
      message: expect.stringMatching(/tidak aktif/),
    });
    expect(byName.get('Tanpa Uraian')?.errors[0]).toMatchObject({ column: 'Uraian Kejadian' });
    expect(byName.get('Tanggal Aneh')?.errors[0]).toMatchObject({ column: 'Tanggal Kejadian' });
    expect(byName.get('Butir Hilang')?.errors[0]).toMatchObject({
      column: 'Ketentuan',
      message: expect.stringMatching(/Z\.9/),
    });
    // Codes typed in the sheet win over derived ones; KE-04 concerns bakal calon: a warning, not an error.
    expect(byName.get('Kode Sendiri')).toMatchObject({ ok: true, codes: ['DS-02', 'KE-04'], row: 12 });
    expect(byName.get('NIP Excel')?.errors[0]?.message).toMatch(/terbaca sebagai angka/);
    expect(await count('cases')).toBe(cases);
    expect(await count('audit_events')).toBe(audits);
  });

  it('speaks English when asked', async () => {
    const preview = await world
      .callerFor({ user: world.users.tanahlaut, session: { id: 's-en', csrfToken: 'x' }, locale: 'en' })
      .cases.importPreview({ regencyId: TANAH_LAUT, sheet: sheet([row({ 'Unit Kerja': 'Nowhere' })]) });
    expect(preview.rows[0]?.errors[0]?.message).toMatch(/No unit named "Nowhere"/);
  });

  it('refuses a sheet without the required columns or without a header row', async () => {
    const missing = await errorData(
      world.callers.tanahlaut.cases.importPreview({
        regencyId: TANAH_LAUT,
        sheet: [
          ['Nama Terlapor', 'NIP', 'Jabatan'],
          ['A', VALID_NIP, 'Guru'],
        ],
      }),
    );
    expect(missing.code).toBe('BAD_REQUEST');
    expect(missing.fieldErrors.sheet?.[0]).toMatch(/Kolom wajib tidak ada: .*Kontestasi/);
    const none = await errorData(
      world.callers.tanahlaut.cases.importPreview({ regencyId: TANAH_LAUT, sheet: [['x'], ['y']] }),
    );
    expect(none.fieldErrors.sheet?.[0]).toMatch(/Baris judul kolom tidak ditemukan/);
  });

  it('keeps other regencies out', async () => {
    const error = await trpcError(
      world.callers.tanahlaut.cases.importPreview({ regencyId: BINTAN, sheet: sheet([row()]) }),
    );
    expect(error.code).toBe('NOT_FOUND');
    const analyst = await trpcError(
      world.callers.analis.cases.importPreview({ regencyId: TANAH_LAUT, sheet: sheet([row()]) }),
    );
    expect(analyst.code).toBe('FORBIDDEN');
  });
});

describe('cases.import', () => {
  const rows = () =>
    sheet([
      row({ 'Nama Terlapor': 'Impor Satu' }),
      row({ 'Nama Terlapor': 'Impor Dua', Ketentuan: 'A.2', 'Nama Pelapor': 'Pelapor Rahasia' }),
      row({ 'Nama Terlapor': 'Impor Rusak', NIP: '123' }),
    ]);

  it('writes nothing when any chosen row is bad', async () => {
    const cases = await count('cases');
    const audits = await count('audit_events');
    const data = await errorData(
      world.callers.operator.cases.import({ regencyId: TANAH_LAUT, sheet: rows(), rows: [4, 5, 6] }),
    );
    expect(data.code).toBe('BAD_REQUEST');
    expect(data.message).toMatch(/Tidak ada yang diimpor: 1 baris tidak valid \(baris 6\)/);
    expect(data.fieldErrors['rows.6']?.[0]).toMatch(/^NIP: NIP harus 18 digit/);
    const missingRow = await errorData(
      world.callers.operator.cases.import({ regencyId: TANAH_LAUT, sheet: rows(), rows: [4, 40] }),
    );
    expect(missingRow.fieldErrors['rows.40']?.[0]).toMatch(/Baris 40 kosong/);
    expect(await count('cases')).toBe(cases);
    expect(await count('audit_events')).toBe(audits);
  });

  it('imports the chosen rows in one go, each with its timeline and one audit event', async () => {
    const cases = await count('cases');
    const result = await world.callers.operator.cases.import({
      regencyId: TANAH_LAUT,
      sheet: rows(),
      fileName: 'rekap-bawaslu.xlsx',
      rows: [4, 5],
    });
    expect(result.imported).toBe(2);
    expect(await count('cases')).toBe(cases + 2);
    const second = await world.callers.tanahlaut.cases.get({ regencyId: TANAH_LAUT, id: result.ids[1] as string });
    expect(second).toMatchObject({
      subject: { name: 'Impor Dua', nip: VALID_NIP },
      source: 'bawaslu_finding',
      actOn: '2024-10-01',
      receivedOn: '2024-10-03',
      codes: ['DS-08'],
      unitId: world.units.tanahLaut,
      reporter: { name: 'Pelapor Rahasia', channel: 'bawaslu', confidential: true },
    });
    expect(second.provisions).toMatchObject([{ circularId: fx.circulars.tanahLaut, path: 'A.2' }]);
    expect(second.events.map((e) => e.verb)).toEqual(['register']);
    const audit = await world.db.db
      .selectFrom('audit_events')
      .select(['action', 'entity_id', 'after'])
      .where('entity_id', 'in', result.ids)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.action, a.entity_id])).toEqual([
      ['case.import', result.ids[0]],
      ['case.import', result.ids[1]],
    ]);
    expect(audit[1]?.after).toMatchObject({ importedFrom: { fileName: 'rekap-bawaslu.xlsx', row: 5 } });
    expect(JSON.stringify(audit)).not.toContain('Pelapor Rahasia');

    // The rollups, written once for the whole import, are what a rebuild from the cases gives.
    const kept = await rollupSnapshot();
    await world.db.withAdmin((trx) => rebuildRollups(trx));
    expect(await rollupSnapshot()).toEqual(kept);
  });
});
