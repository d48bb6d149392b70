/**
 * Row-level security: the application role, the tenant setting and the start-up safety check.
 *
 * Every request runs in one transaction that switches to {@link APP_ROLE} and sets
 * `netral.regency_ids` with `set_config(…, true)` (transaction-local, so a pooled connection never
 * carries it to the next request). Policies on every tenant table compare `regency_id` with it.
 * `'*'` (from `withTenant('all', …)`) means every regency, for national roles.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from './schema';

/** The role requests run as: NOLOGIN, not superuser, no BYPASSRLS, owns nothing. */
export const APP_ROLE = 'netral_app';

/** The setting row-level security policies read. */
export const TENANT_SETTING = 'netral.regency_ids';

/** Value of {@link TENANT_SETTING} that means every regency. */
export const ALL_REGENCIES = '*';

/** Tables whose rows belong to a regency and are guarded by row-level security. */
export const TENANT_TABLES = [
  'units',
  'circulars',
  'provisions',
  'cases',
  'case_provisions',
  'case_codes',
  'reporters',
  'evidence',
  'case_events',
  'audit_events',
  'case_rollup',
] as const;
export type TenantTable = (typeof TENANT_TABLES)[number];

/** Kemendagri regency code, `PP.RR` (province, regency). */
const REGENCY_ID = /^[0-9]{2}\.[0-9]{2}$/;

/**
 * The value of {@link TENANT_SETTING} for a list of regencies, or `'*'` for `'all'`.
 * Rejects anything that is not a regency code, so no value can smuggle in a comma or `'*'`.
 *
 * @example tenantSetting(['63.01', '21.01']) // '63.01,21.01'
 */
export function tenantSetting(regencyIds: readonly string[] | 'all'): string {
  if (regencyIds === 'all') return ALL_REGENCIES;
  for (const id of regencyIds) {
    if (!REGENCY_ID.test(id)) throw new TypeError(`Not a regency code: ${JSON.stringify(id)}`);
  }
  return regencyIds.join(',');
}

/** Thrown at start-up when row-level security could be bypassed. */
export class RlsSafetyError extends Error {
  override name = 'RlsSafetyError';
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Row-level security is not safe: ${problems.join('; ')}`);
    this.problems = problems;
  }
}

export interface RlsCheckOptions {
  /** The role requests run as; {@link APP_ROLE} unless testing another role. */
  role?: string;
}

/**
 * Lists what would let requests bypass row-level security in the current schema: the request
 * role missing, superuser, BYPASSRLS, owning (or a member of the owner of) a tenant table; a
 * tenant table without ENABLE + FORCE ROW LEVEL SECURITY; an admin (the connecting user) that does
 * not itself bypass row-level security, which migrations, seed and the audit chain head need.
 * Returns `[]` when safe.
 */
export async function checkRlsSafety(db: Kysely<DB>, options: RlsCheckOptions = {}): Promise<string[]> {
  const role = options.role ?? APP_ROLE;
  const problems: string[] = [];

  const roles = await sql<{ rolsuper: boolean; rolbypassrls: boolean }>`
    select rolsuper, rolbypassrls from pg_roles where rolname = ${role}`.execute(db);
  const attributes = roles.rows[0];
  if (!attributes) return [`role ${role} does not exist`];
  if (attributes.rolsuper) problems.push(`role ${role} is a superuser`);
  if (attributes.rolbypassrls) problems.push(`role ${role} has BYPASSRLS`);

  const tables = await sql<{ relname: string; rls: boolean; forced: boolean; owned: boolean }>`
    select c.relname,
           c.relrowsecurity as rls,
           c.relforcerowsecurity as forced,
           pg_has_role(${role}, c.relowner, 'USAGE') as owned
      from pg_class c
     where c.relnamespace = (select oid from pg_namespace where nspname = current_schema())
       and c.relkind = 'r'
       and c.relname = any(${[...TENANT_TABLES]}::text[])`.execute(db);
  const found = new Map(tables.rows.map((t) => [t.relname, t]));
  for (const name of TENANT_TABLES) {
    const table = found.get(name);
    if (!table) {
      problems.push(`tenant table ${name} is missing`);
      continue;
    }
    if (!table.rls) problems.push(`${name} does not ENABLE ROW LEVEL SECURITY`);
    if (!table.forced) problems.push(`${name} does not FORCE ROW LEVEL SECURITY`);
    if (table.owned) problems.push(`role ${role} owns ${name} (or is a member of its owner)`);
  }

  const admin = await sql<{ bypasses: boolean }>`
    select rolsuper or rolbypassrls as bypasses from pg_roles where rolname = current_user`.execute(db);
  if (!admin.rows[0]?.bypasses) problems.push('the connecting (admin) user must be a superuser or have BYPASSRLS');

  return problems;
}

/**
 * Throws {@link RlsSafetyError} unless {@link checkRlsSafety} finds nothing. `migrate()` runs it.
 *
 * @example await assertRlsSafe(db) // at server start-up, after migrations
 */
export async function assertRlsSafe(db: Kysely<DB>, options: RlsCheckOptions = {}): Promise<void> {
  const problems = await checkRlsSafety(db, options);
  if (problems.length > 0) throw new RlsSafetyError(problems);
}
