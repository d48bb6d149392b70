/**
 * All-months rollup rows for every regency, as the national rows have had since the rollups
 * began: `period = 1900-01-01` counts every month of a regency, so a regency's or a province's
 * dashboard without a date range reads one row per key instead of one per key and month (a
 * province's summary read some 80,000 rows at a million cases; now it reads a thirtieth of that).
 *
 * New case changes keep the rows through `applyCaseDelta` (queries/rollups.ts); this migration
 * adds them for the cases already counted, as sums of each regency's monthly rows.
 */
import { type MigrationDb, run } from './frozen-sql';

/** The migration reads and writes every regency's rows (row-level security is forced, even for the owner). */
const NATIONAL = `SELECT set_config('netral.regency_ids', '*', true)`;

export async function up(db: MigrationDb): Promise<void> {
  await run(db, [
    NATIONAL,
    `INSERT INTO case_rollup (status, unit_kind, regency_id, contest, period, dim, key, n)
     SELECT status, unit_kind, regency_id, contest, DATE '1900-01-01', dim, key, sum(n)::int
       FROM case_rollup
      WHERE regency_id <> '*' AND period > DATE '1900-01-01'
      GROUP BY status, unit_kind, regency_id, contest, dim, key
     HAVING sum(n) <> 0`,
  ]);
}

export async function down(db: MigrationDb): Promise<void> {
  await run(db, [NATIONAL, `DELETE FROM case_rollup WHERE regency_id <> '*' AND period = DATE '1900-01-01'`]);
}
