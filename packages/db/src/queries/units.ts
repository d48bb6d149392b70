/**
 * Work units (perangkat daerah / OPD). A tenant table: run these in the regency's transaction
 * (`withTenant`), row-level security keeps other regencies' units out of reach.
 */
import type { UnitKind } from '@netral/domain/model';
import type { Kysely } from 'kysely';
import type { DB, Unit } from '../schema';
import { ALL, ALL_TIME } from './rollups';

export interface UnitRecord {
  id: string;
  regencyId: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  /** Set when the unit was retired (dissolved, merged); its cases keep pointing at it. */
  retiredAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

function toUnit(row: Unit): UnitRecord {
  return {
    id: row.id,
    regencyId: row.regency_id,
    name: row.name,
    kind: row.kind,
    parentId: row.parent_id,
    retiredAt: row.retired_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Units of a regency by name; retired ones only when asked.
 *
 * @example await listUnits(trx, '63.01', { includeRetired: false })
 */
export async function listUnits(
  db: Kysely<DB>,
  regencyId: string,
  options: { includeRetired?: boolean } = {},
): Promise<UnitRecord[]> {
  let query = db.selectFrom('units').selectAll().where('regency_id', '=', regencyId).orderBy('name').orderBy('id');
  if (!options.includeRetired) query = query.where('retired_at', 'is', null);
  return (await query.execute()).map(toUnit);
}

/** One unit of a regency. */
export async function getUnit(db: Kysely<DB>, regencyId: string, id: string): Promise<UnitRecord | undefined> {
  const row = await db
    .selectFrom('units')
    .selectAll()
    .where('regency_id', '=', regencyId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toUnit(row);
}

export interface NewUnitInput {
  regencyId: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
}

export async function createUnit(db: Kysely<DB>, input: NewUnitInput): Promise<UnitRecord> {
  const row = await db
    .insertInto('units')
    .values({ regency_id: input.regencyId, name: input.name, kind: input.kind, parent_id: input.parentId })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUnit(row);
}

export interface UnitChanges {
  name?: string;
  kind?: UnitKind;
  parentId?: string | null;
  retiredAt?: Date | null;
}

/**
 * Applies `changes` if the unit is still at `version` and bumps it; undefined when it does not
 * exist or was changed meanwhile (the caller tells which).
 */
export async function updateUnit(
  db: Kysely<DB>,
  regencyId: string,
  id: string,
  version: number,
  changes: UnitChanges,
  now: Date,
): Promise<UnitRecord | undefined> {
  const row = await db
    .updateTable('units')
    .set((eb) => ({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.kind !== undefined && { kind: changes.kind }),
      ...(changes.parentId !== undefined && { parent_id: changes.parentId }),
      ...(changes.retiredAt !== undefined && { retired_at: changes.retiredAt }),
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('regency_id', '=', regencyId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  return row && toUnit(row);
}

/**
 * Ids of `id` and its ancestors (parent, grandparent…). Setting a parent found here on `id`'s
 * own chain would close a cycle. UNION (not ALL) ends even on data that already has a cycle.
 */
export async function unitAncestry(db: Kysely<DB>, regencyId: string, id: string): Promise<string[]> {
  const rows = await db
    .withRecursive('chain(id, parent_id)', (qb) =>
      qb
        .selectFrom('units')
        .select(['id', 'parent_id'])
        .where('regency_id', '=', regencyId)
        .where('id', '=', id)
        .union((qb2) =>
          qb2
            .selectFrom('units as u')
            .innerJoin('chain', 'chain.parent_id', 'u.id')
            .select(['u.id', 'u.parent_id'])
            .where('u.regency_id', '=', regencyId),
        ),
    )
    .selectFrom('chain')
    .select('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Cases per unit of a regency (unit id → count), read from the rollups that every case change
 * keeps current, so the unit list never aggregates `cases`. Units without cases are absent.
 */
export async function unitCaseCounts(db: Kysely<DB>, regencyId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('case_rollup')
    .select(['key', (eb) => eb.fn.sum<number | string>('n').as('n')])
    .where('status', '=', ALL)
    .where('unit_kind', '=', ALL)
    .where('regency_id', '=', regencyId)
    .where('period', '=', ALL_TIME)
    .where('dim', '=', 'unit')
    .where('key', '<>', '')
    .groupBy('key') // over contests
    .execute();
  const counts = new Map<string, number>();
  for (const row of rows) {
    const n = Number(row.n);
    if (n > 0) counts.set(row.key, n);
  }
  return counts;
}

/** What still points at a unit: whether any case names it, and how many sub-units it has. */
export async function unitReferences(
  db: Kysely<DB>,
  regencyId: string,
  id: string,
): Promise<{ hasCases: boolean; children: number }> {
  // An existence check on the cases_unit_id index, exact even where rollups are rebuilt later.
  const anyCase = await db
    .selectFrom('cases')
    .select('id')
    .where('regency_id', '=', regencyId)
    .where('unit_id', '=', id)
    .limit(1)
    .executeTakeFirst();
  const children = await db
    .selectFrom('units')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('regency_id', '=', regencyId)
    .where('parent_id', '=', id)
    .executeTakeFirstOrThrow();
  return { hasCases: anyCase !== undefined, children: Number(children.n) };
}

/**
 * Deletes a unit still at `version`; false when it does not exist or was changed meanwhile. The
 * caller checks {@link unitReferences} first: a unit that cases name is retired, never deleted.
 */
export async function deleteUnit(db: Kysely<DB>, regencyId: string, id: string, version: number): Promise<boolean> {
  const result = await db
    .deleteFrom('units')
    .where('regency_id', '=', regencyId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
