/**
 * SQL fragments shared by the migrations.
 *
 * FROZEN: migrations that ran must keep producing the same schema, so never change what is here.
 * A later migration that needs different SQL writes its own.
 */
import { type Kysely, sql } from 'kysely';

/**
 * What migrations run on: Kysely's `Migration` takes `Kysely<any>`, and a migration must not depend
 * on today's table types (they describe the latest schema, not the one at that migration).
 */
// biome-ignore lint/suspicious/noExplicitAny: Kysely's Migration interface is defined on Kysely<any>.
export type MigrationDb = Kysely<any>;

/** The application role every request runs as (SET LOCAL ROLE); cluster-wide in PostgreSQL. */
export const APP_ROLE_SQL = 'netral_app';

/** The regencies of the current transaction, from `set_config('netral.regency_ids', 'a,b', true)`. */
const TENANT_IDS = `string_to_array(NULLIF(current_setting('netral.regency_ids', true), ''), ',')`;

/**
 * True when `column` is one of the transaction's regencies, or the transaction is national (`'*'`).
 * NULLIF: a setting that was set and then ended with its transaction reads back as '' (not null),
 * and `'*'` never equals a regency id, so it cannot match by accident.
 */
export function tenantMatch(column: string): string {
  return `(${column} = ANY (${TENANT_IDS}) OR current_setting('netral.regency_ids', true) = '*')`;
}

/**
 * {@link tenantMatch} with the setting read once per statement instead of once per row: the
 * sub-selects are evaluated once (init plans), so a policy costs a comparison per row, not a
 * string split. New policies use this one.
 */
export function tenantMatchOnce(column: string): string {
  return `(${column} = ANY ((SELECT ${TENANT_IDS})::text[]) OR (SELECT current_setting('netral.regency_ids', true) = '*'))`;
}

/** True when a row of the province `column` concerns one of the transaction's regencies ('63' for '63.01'). */
export function provinceMatch(column: string): string {
  return `(${column} IN (SELECT split_part(r, '.', 1) FROM unnest(${TENANT_IDS}) AS r))`;
}

/** Runs statements one by one (one statement per round trip keeps error positions readable). */
export async function run(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

/**
 * Row-level security for a plain tenant table: ENABLE + FORCE (so even the owner is checked), one
 * policy for reads and writes on `regency_id`, and the app role's privileges.
 */
export function tenantTable(table: string, privileges = 'SELECT, INSERT, UPDATE, DELETE'): string[] {
  return [
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
    `CREATE POLICY ${table}_tenant ON ${table} USING ${tenantMatch('regency_id')} WITH CHECK ${tenantMatch('regency_id')}`,
    `GRANT ${privileges} ON ${table} TO ${APP_ROLE_SQL}`,
  ];
}
