/**
 * A rollup dimension `regime_family` (key `'<regime>:<family>'`, e.g. `'disiplin:TIM'`): each act
 * family within one list (kode etik, disiplin, PP 94, older lists), so the dashboard can split a
 * family into kode etik and disiplin. Summing the `code` rows instead would count a case with two
 * codes of one family and list (DS-09 and DS-10) twice.
 *
 * New case changes keep the rows through `applyCaseDelta` (queries/rollups.ts); this migration
 * adds them for the cases already stored, in the same three grains and the national sums
 * (by month and over all months, period 1900-01-01) as `rebuildRollups`.
 */
import { type MigrationDb, run } from './frozen-sql';

/** The migration reads and writes every regency's rows (row-level security is forced, even for the owner). */
const NATIONAL = `SELECT set_config('netral.regency_ids', '*', true)`;

export async function up(db: MigrationDb): Promise<void> {
  await run(db, [
    NATIONAL,
    `INSERT INTO case_rollup (status, unit_kind, regency_id, contest, period, dim, key, n)
     WITH keyed AS (
       SELECT DISTINCT c.id, c.regency_id, c.contest, c.status, coalesce(u.kind, '') AS unit_kind,
              date_trunc('month', c.act_on)::date AS period, pt.regime || ':' || pt.family AS key
         FROM cases c
         LEFT JOIN units u ON u.id = c.unit_id
         JOIN case_codes cc ON cc.case_id = c.id
         -- Sub-points (KE-05a) belong to their type (KE-05).
         JOIN prohibition_types pt ON pt.code = regexp_replace(cc.code, '[a-z]$', '')
     ),
     grains AS (
       SELECT regency_id, contest, period,
              CASE WHEN grouping(status) = 1 THEN '*' ELSE status END AS status,
              CASE WHEN grouping(unit_kind) = 1 THEN '*' ELSE unit_kind END AS unit_kind,
              key, count(*)::int AS n
         FROM keyed
        GROUP BY GROUPING SETS (
          (regency_id, contest, period, key),
          (regency_id, contest, period, status, key),
          (regency_id, contest, period, unit_kind, key))
     )
     SELECT status, unit_kind, regency_id, contest, period, 'regime_family', key, n FROM grains
     UNION ALL
     SELECT status, unit_kind, '*', contest, period, 'regime_family', key, sum(n)::int
       FROM grains GROUP BY status, unit_kind, contest, period, key
     UNION ALL
     SELECT status, unit_kind, '*', contest, DATE '1900-01-01', 'regime_family', key, sum(n)::int
       FROM grains GROUP BY status, unit_kind, contest, key`,
  ]);
}

export async function down(db: MigrationDb): Promise<void> {
  await run(db, [NATIONAL, `DELETE FROM case_rollup WHERE dim = 'regime_family'`]);
}
