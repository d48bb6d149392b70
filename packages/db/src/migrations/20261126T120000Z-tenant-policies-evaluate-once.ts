/**
 * Row-level security policies that read the transaction's regencies once per statement: the
 * first policies split `netral.regency_ids` again for every row they checked (an array argument
 * of `= ANY` that is not a constant is evaluated per row), which cost a province's summary 8 ms
 * of 20 at a million cases. Same rule, same names; only the evaluation changes.
 */
import { type MigrationDb, run, tenantMatch, tenantMatchOnce } from './frozen-sql';

/**
 * The tables whose policy `<table>_tenant` covers reads and writes on `regency_id` (audit_events
 * has two policies of its own, below). A copy of `TENANT_TABLES` as it stood, not an import: a
 * migration must alter exactly the policies that existed when it was written, whatever tables
 * later join that list.
 */
const TABLES = [
  'units',
  'circulars',
  'provisions',
  'cases',
  'case_provisions',
  'case_codes',
  'reporters',
  'evidence',
  'case_events',
  'case_rollup',
];

function policies(match: (column: string) => string): string[] {
  return [
    ...TABLES.map(
      (table) =>
        `ALTER POLICY ${table}_tenant ON ${table} USING ${match('regency_id')} WITH CHECK ${match('regency_id')}`,
    ),
    `ALTER POLICY audit_events_read ON audit_events USING ${match('regency_id')}`,
    `ALTER POLICY audit_events_append ON audit_events WITH CHECK (regency_id IS NULL OR ${match('regency_id')})`,
  ];
}

export async function up(db: MigrationDb): Promise<void> {
  await run(db, policies(tenantMatchOnce));
}

export async function down(db: MigrationDb): Promise<void> {
  await run(db, policies(tenantMatch));
}
