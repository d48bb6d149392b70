/**
 * Case rollups: pre-aggregated counts that the dashboard reads instead of `cases`, kept in the
 * same transaction as every case change (see `queries/rollups.ts`), and the indexes the case list
 * needs at a million rows.
 *
 * One narrow table holds several grains of one cube. Each case adds 1 to a row per (dimension,
 * key) it has (each prohibition code, its unit, its phase…), in three grains:
 *   status = '*', unit_kind = '*'   — most dashboard queries;
 *   status = s,   unit_kind = '*'   — a status filter (plus a unit_kind dimension);
 *   status = '*', unit_kind = k     — a unit-kind filter (plus a status dimension);
 * and each of those both for its regency and nationally (regency_id = '*'), so a national query
 * reads a few thousand rows instead of every regency's. `period` is the first day of the month of
 * the act (`act_on`): date-range filters are by month. National rows exist a second time with
 * period 1900-01-01 meaning "all months", so the default dashboard (no date range) reads one row
 * per key, not one per key and month.
 *
 * Row-level security as for every tenant table: the national rows (regency_id '*') match no
 * regency, so only national transactions ('*') read them. Writes go through
 * `case_rollup_apply`, which may also update the national rows, but only for a regency of the
 * transaction.
 */
import { APP_ROLE_SQL, type MigrationDb, run, tenantMatch } from './frozen-sql';

export async function up(db: MigrationDb): Promise<void> {
  await run(db, [
    `CREATE TABLE case_rollup (
       -- A regency, or '*' for the national rows. No foreign key: '*' is no regency.
       regency_id text NOT NULL CHECK (regency_id = '*' OR regency_id ~ '^[0-9]{2}\\.[0-9]{2}$'),
       contest text NOT NULL,
       -- A case status, or '*' for every status.
       status text NOT NULL,
       -- A unit kind, '' for cases without a unit, or '*' for every kind.
       unit_kind text NOT NULL,
       -- First day of the month of act_on; 1900-01-01 on national rows: all months.
       period date NOT NULL CHECK (extract(day FROM period) = 1),
       -- 'total', 'flag', 'code', 'family', 'regime', 'unit', 'phase', 'bucket', 'sanction_level',
       -- 'position_class', 'week', 'ppk_due'; 'unit_kind' in the status grain, 'status' in the
       -- unit-kind grain. Contest and month breakdowns are the 'total' rows by contest / period.
       dim text NOT NULL,
       key text NOT NULL,
       -- Cases; may reach 0 (rows are kept for reuse). No CHECK (n >= 0): PostgreSQL checks the
       -- proposed row of INSERT … ON CONFLICT before it finds the conflict, and a decrement is
       -- proposed as a row with n = -1.
       n integer NOT NULL,
       -- Grain columns first: national queries read one grain as one index range; within it the
       -- regency, so a regency's or a province's queries are a few ranges.
       PRIMARY KEY (status, unit_kind, regency_id, contest, period, dim, key)
     )`,
    // Row-level security filters on regency_id, rebuilding one regency deletes by it, and the
    // contest / month / status totals read the few 'total' rows of a scope.
    'CREATE INDEX case_rollup_regency_id_dim_idx ON case_rollup (regency_id, dim)',
    'ALTER TABLE case_rollup ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE case_rollup FORCE ROW LEVEL SECURITY',
    `CREATE POLICY case_rollup_tenant ON case_rollup USING ${tenantMatch('regency_id')} WITH CHECK ${tenantMatch('regency_id')}`,
    // Reads under row-level security; writes only through case_rollup_apply (and the admin's rebuild).
    `GRANT SELECT ON case_rollup TO ${APP_ROLE_SQL}`,

    // Adds deltas to rollup rows. SECURITY DEFINER (run as the owner, which bypasses row-level
    // security): a regency transaction must also update the national rows it cannot read. It
    // refuses any regency row outside the transaction's regencies, so a tenant can only change
    // the counts of its own regencies and, with them, the national sums. Rows are upserted in
    // key order, so concurrent case changes lock them in the same order and cannot deadlock.
    `CREATE FUNCTION case_rollup_apply(
       p_status text[], p_unit_kind text[], p_regency_id text[], p_contest text[], p_period date[],
       p_dim text[], p_key text[], p_n integer[]) RETURNS void
       LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
     BEGIN
       IF EXISTS (SELECT FROM unnest(p_regency_id) AS r (id) WHERE r.id <> '*' AND NOT ${tenantMatch('r.id')}) THEN
         RAISE EXCEPTION 'case_rollup_apply: regency outside the transaction''s tenant' USING ERRCODE = '42501';
       END IF;
       INSERT INTO case_rollup (status, unit_kind, regency_id, contest, period, dim, key, n)
       SELECT * FROM unnest(p_status, p_unit_kind, p_regency_id, p_contest, p_period, p_dim, p_key, p_n)
                     AS d (status, unit_kind, regency_id, contest, period, dim, key, n)
        ORDER BY 1, 2, 3, 4, 5, 6, 7
       ON CONFLICT (status, unit_kind, regency_id, contest, period, dim, key)
       DO UPDATE SET n = case_rollup.n + excluded.n;
     END $$`,
    'REVOKE ALL ON FUNCTION case_rollup_apply(text[], text[], text[], text[], date[], text[], text[], integer[]) FROM PUBLIC',
    `GRANT EXECUTE ON FUNCTION case_rollup_apply(text[], text[], text[], text[], date[], text[], text[], integer[]) TO ${APP_ROLE_SQL}`,

    // Case list at a million rows: a regency's cases in a status, newest act first, with the id as
    // tie-breaker for keyset pagination (the older (regency_id, status) index cannot sort).
    'CREATE INDEX cases_list_status_act_on_idx ON cases (regency_id, status, act_on DESC, id DESC)',
    // The same without a status filter, and sorted by last change ("what moved recently").
    'CREATE INDEX cases_list_act_on_idx ON cases (regency_id, act_on DESC, id DESC)',
    'CREATE INDEX cases_list_updated_at_idx ON cases (regency_id, updated_at DESC, id DESC)',
    'CREATE INDEX cases_list_received_on_idx ON cases (regency_id, received_on DESC, id DESC)',
    // National admins list every regency: status filter then date, across regencies.
    'CREATE INDEX cases_status_act_on_idx ON cases (status, act_on DESC, id DESC)',
    // "Cases with this code" joins case_codes from the code side.
    'CREATE INDEX case_codes_code_case_idx ON case_codes (code, case_id)',
  ]);
}

export async function down(db: MigrationDb): Promise<void> {
  await run(db, [
    'DROP INDEX case_codes_code_case_idx',
    'DROP INDEX cases_status_act_on_idx',
    'DROP INDEX cases_list_received_on_idx',
    'DROP INDEX cases_list_updated_at_idx',
    'DROP INDEX cases_list_act_on_idx',
    'DROP INDEX cases_list_status_act_on_idx',
    'DROP FUNCTION case_rollup_apply(text[], text[], text[], text[], date[], text[], text[], integer[])',
    'DROP TABLE case_rollup',
  ]);
}
