/**
 * Regencies (kabupaten/kota) with their province. Reference data, not a tenant table: the API
 * passes the scope the caller may see.
 */
import type { RegencyKind } from '@netral/domain/model';
import type { Kysely } from 'kysely';
import type { DB } from '../schema';

export interface RegencyRecord {
  /** Kemendagri code, e.g. `63.01`. */
  id: string;
  name: string;
  kind: RegencyKind;
  provinceCode: string;
  provinceName: string;
}

/** Which regencies to list: all, or those named plus every regency of the provinces named. */
export type RegencyScope = 'all' | { regencyIds: readonly string[]; provinceCodes: readonly string[] };

/**
 * Regencies in `scope`, ordered by code.
 *
 * @example await listRegencies(trx, { regencyIds: ['63.01'], provinceCodes: ['21'] })
 */
export async function listRegencies(db: Kysely<DB>, scope: RegencyScope): Promise<RegencyRecord[]> {
  let query = db
    .selectFrom('regencies as r')
    .innerJoin('provinces as p', 'p.code', 'r.province_code')
    .select(['r.id', 'r.name', 'r.kind', 'r.province_code', 'p.name as province_name'])
    .orderBy('r.id');
  if (scope !== 'all') {
    const { regencyIds, provinceCodes } = scope;
    if (regencyIds.length === 0 && provinceCodes.length === 0) return [];
    query = query.where((eb) =>
      eb.or([
        ...(regencyIds.length > 0 ? [eb('r.id', 'in', regencyIds)] : []),
        ...(provinceCodes.length > 0 ? [eb('r.province_code', 'in', provinceCodes)] : []),
      ]),
    );
  }
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    provinceCode: row.province_code,
    provinceName: row.province_name,
  }));
}
