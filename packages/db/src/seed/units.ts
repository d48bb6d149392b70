/**
 * Work units (perangkat daerah) of the demo regencies: a realistic structure for the two regencies
 * of the real circulars, a generic one for the others.
 */
import type { UnitKind } from '@netral/domain/model';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema';
import { type ReferenceRegency, referenceRegencies } from './reference';

export interface UnitSpec {
  name: string;
  kind: UnitKind;
  /** Name of the parent unit (a school under its dinas, a kelurahan under its kecamatan). */
  parent?: string;
}

const tanahLautUnits: UnitSpec[] = [
  { name: 'Sekretariat Daerah', kind: 'sekretariat_daerah' },
  { name: 'Sekretariat DPRD', kind: 'sekretariat_dprd' },
  { name: 'Inspektorat', kind: 'inspektorat' },
  { name: 'Dinas Pendidikan', kind: 'dinas' },
  { name: 'Dinas Kesehatan', kind: 'dinas' },
  { name: 'Dinas Pekerjaan Umum dan Penataan Ruang', kind: 'dinas' },
  { name: 'Dinas Pertanian', kind: 'dinas' },
  { name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (BKPSDM)', kind: 'badan' },
  { name: 'Badan Perencanaan Pembangunan Daerah (Bappeda)', kind: 'badan' },
  { name: 'Badan Kesatuan Bangsa dan Politik', kind: 'badan' },
  { name: 'Satuan Polisi Pamong Praja', kind: 'satpol_pp' },
  { name: 'Kecamatan Pelaihari', kind: 'kecamatan' },
  { name: 'Kecamatan Takisung', kind: 'kecamatan' },
  { name: 'Kecamatan Bati-Bati', kind: 'kecamatan' },
  { name: 'Kecamatan Kintap', kind: 'kecamatan' },
  { name: 'Kecamatan Jorong', kind: 'kecamatan' },
  { name: 'Kelurahan Angsau', kind: 'kelurahan', parent: 'Kecamatan Pelaihari' },
  { name: 'RSUD Hadji Boejasin', kind: 'rsud' },
  { name: 'Puskesmas Pelaihari', kind: 'puskesmas', parent: 'Dinas Kesehatan' },
  { name: 'SMP Negeri 1 Pelaihari', kind: 'sekolah', parent: 'Dinas Pendidikan' },
];

const bintanUnits: UnitSpec[] = [
  { name: 'Sekretariat Daerah', kind: 'sekretariat_daerah' },
  { name: 'Sekretariat DPRD', kind: 'sekretariat_dprd' },
  { name: 'Inspektorat', kind: 'inspektorat' },
  { name: 'Dinas Pendidikan', kind: 'dinas' },
  { name: 'Dinas Kesehatan', kind: 'dinas' },
  { name: 'Dinas Pariwisata', kind: 'dinas' },
  { name: 'Dinas Pekerjaan Umum dan Penataan Ruang', kind: 'dinas' },
  { name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (BKPSDM)', kind: 'badan' },
  { name: 'Badan Perencanaan Pembangunan Daerah (Bappeda)', kind: 'badan' },
  { name: 'Satuan Polisi Pamong Praja', kind: 'satpol_pp' },
  { name: 'Kecamatan Bintan Timur', kind: 'kecamatan' },
  { name: 'Kecamatan Gunung Kijang', kind: 'kecamatan' },
  { name: 'Kecamatan Teluk Bintan', kind: 'kecamatan' },
  { name: 'Kecamatan Toapaya', kind: 'kecamatan' },
  { name: 'Kecamatan Bintan Utara', kind: 'kecamatan' },
  { name: 'Kelurahan Kijang Kota', kind: 'kelurahan', parent: 'Kecamatan Bintan Timur' },
  { name: 'RSUD Bintan', kind: 'rsud' },
  { name: 'Puskesmas Kijang', kind: 'puskesmas', parent: 'Dinas Kesehatan' },
  { name: 'SMA Negeri 1 Bintan Timur', kind: 'sekolah', parent: 'Dinas Pendidikan' },
];

/** The common core of a regency's perangkat daerah, plus two of its real kecamatan. */
function genericUnits(regency: ReferenceRegency): UnitSpec[] {
  const [first, second] = regency.districts;
  return [
    { name: 'Sekretariat Daerah', kind: 'sekretariat_daerah' },
    { name: 'Sekretariat DPRD', kind: 'sekretariat_dprd' },
    { name: 'Inspektorat', kind: 'inspektorat' },
    { name: 'Dinas Pendidikan', kind: 'dinas' },
    { name: 'Dinas Kesehatan', kind: 'dinas' },
    { name: 'Badan Kepegawaian Daerah', kind: 'badan' },
    { name: 'Satuan Polisi Pamong Praja', kind: 'satpol_pp' },
    { name: 'Rumah Sakit Umum Daerah', kind: 'rsud' },
    { name: `Kecamatan ${first}`, kind: 'kecamatan' },
    { name: `Kecamatan ${second}`, kind: 'kecamatan' },
  ];
}

/** The units the seed creates for a regency. */
export function unitSpecsFor(regency: ReferenceRegency): UnitSpec[] {
  if (regency.id === '63.01') return tanahLautUnits;
  if (regency.id === '21.01') return bintanUnits;
  return genericUnits(regency);
}

/**
 * Creates the units of every reference regency that has none yet (a regency whose units an
 * administrator already entered is left alone).
 */
export async function seedUnits(trx: Transaction<DB> | Kysely<DB>): Promise<void> {
  const withUnits = new Set(
    (await trx.selectFrom('units').select('regency_id').distinct().execute()).map((r) => r.regency_id),
  );
  const existing = new Set((await trx.selectFrom('regencies').select('id').execute()).map((r) => r.id));
  for (const regency of referenceRegencies) {
    if (withUnits.has(regency.id) || !existing.has(regency.id)) continue;
    const specs = unitSpecsFor(regency);
    const top = specs.filter((s) => s.parent === undefined);
    const inserted = await trx
      .insertInto('units')
      .values(top.map((s) => ({ regency_id: regency.id, name: s.name, kind: s.kind })))
      .returning(['id', 'name'])
      .execute();
    const idByName = new Map(inserted.map((u) => [u.name, u.id]));
    const children = specs.filter((s) => s.parent !== undefined);
    if (children.length > 0) {
      await trx
        .insertInto('units')
        .values(
          children.map((s) => ({
            regency_id: regency.id,
            name: s.name,
            kind: s.kind,
            parent_id: idByName.get(s.parent ?? '') ?? null,
          })),
        )
        .execute();
    }
  }
}
