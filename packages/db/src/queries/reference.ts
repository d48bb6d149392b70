/**
 * Reference data a deployment adjusts: its own sanction levels for prohibition types
 * (`taxonomy_overrides`). The taxonomy itself is data in `@netral/domain/taxonomy`; the seed
 * copies it into `prohibition_types`, which the overrides reference.
 */
import type { SanctionLevel } from '@netral/domain/taxonomy';
import type { Kysely } from 'kysely';
import type { DB } from '../schema';

export interface TaxonomyOverrideRecord {
  code: string;
  sanctionLevel: SanctionLevel;
  note: string | null;
  updatedBy: string | null;
  updatedAt: Date;
  version: number;
}

type OverrideRow = {
  code: string;
  sanction_level: SanctionLevel;
  note: string | null;
  updated_by: string | null;
  updated_at: Date;
  version: number;
};

function toOverride(row: OverrideRow): TaxonomyOverrideRecord {
  return {
    code: row.code,
    sanctionLevel: row.sanction_level,
    note: row.note,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** Every override, by code. */
export async function listTaxonomyOverrides(db: Kysely<DB>): Promise<TaxonomyOverrideRecord[]> {
  const rows = await db.selectFrom('taxonomy_overrides').selectAll().orderBy('code').execute();
  return rows.map(toOverride);
}

/** The override of one code, if any. */
export async function getTaxonomyOverride(db: Kysely<DB>, code: string): Promise<TaxonomyOverrideRecord | undefined> {
  const row = await db.selectFrom('taxonomy_overrides').selectAll().where('code', '=', code).executeTakeFirst();
  return row && toOverride(row);
}

/** Whether the seed loaded this prohibition type (overrides reference it). */
export async function prohibitionTypeStored(db: Kysely<DB>, code: string): Promise<boolean> {
  const row = await db.selectFrom('prohibition_types').select('code').where('code', '=', code).executeTakeFirst();
  return row !== undefined;
}

export interface OverrideInput {
  code: string;
  sanctionLevel: SanctionLevel;
  note: string | null;
  updatedBy: string;
  now: Date;
}

/** Creates the override of a code that has none. */
export async function insertTaxonomyOverride(db: Kysely<DB>, input: OverrideInput): Promise<TaxonomyOverrideRecord> {
  const row = await db
    .insertInto('taxonomy_overrides')
    .values({
      code: input.code,
      sanction_level: input.sanctionLevel,
      note: input.note,
      updated_by: input.updatedBy,
      updated_at: input.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toOverride(row);
}

/** Changes an override still at `version`; undefined when it moved on (or is gone). */
export async function updateTaxonomyOverride(
  db: Kysely<DB>,
  input: OverrideInput & { version: number },
): Promise<TaxonomyOverrideRecord | undefined> {
  const row = await db
    .updateTable('taxonomy_overrides')
    .set((eb) => ({
      sanction_level: input.sanctionLevel,
      note: input.note,
      updated_by: input.updatedBy,
      updated_at: input.now,
      version: eb('version', '+', 1),
    }))
    .where('code', '=', input.code)
    .where('version', '=', input.version)
    .returningAll()
    .executeTakeFirst();
  return row && toOverride(row);
}

/** Removes an override still at `version` (the default level applies again); false when stale. */
export async function deleteTaxonomyOverride(db: Kysely<DB>, code: string, version: number): Promise<boolean> {
  const result = await db
    .deleteFrom('taxonomy_overrides')
    .where('code', '=', code)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
