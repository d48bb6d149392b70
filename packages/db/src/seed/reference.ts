/**
 * Reference data: provinces and regencies (Kemendagri codes), the national prohibition taxonomy
 * and the election contests. Idempotent: every insert is ON CONFLICT, so the seed can run again
 * after a release that changes the taxonomy's wording.
 */
import type { RegencyKind } from '@netral/domain/model';
import { contests } from '@netral/domain/phases';
import { prohibitionTypes } from '@netral/domain/taxonomy';
import type { Kysely, Transaction } from 'kysely';
import type { DB, NewProhibitionType } from '../schema';

/** A regency of the demo data set. */
export interface ReferenceRegency {
  /** Kemendagri code `PP.RR`. */
  id: string;
  name: string;
  kind: RegencyKind;
  /** Two real kecamatan of the regency, for camat/lurah cases. */
  districts: readonly [string, string];
}

/** Provinces of the demo regencies (Kemendagri codes). */
export const referenceProvinces: readonly { code: string; name: string }[] = [
  { code: '12', name: 'Sumatera Utara' },
  { code: '13', name: 'Sumatera Barat' },
  { code: '14', name: 'Riau' },
  { code: '21', name: 'Kepulauan Riau' },
  { code: '31', name: 'DKI Jakarta' },
  { code: '32', name: 'Jawa Barat' },
  { code: '33', name: 'Jawa Tengah' },
  { code: '34', name: 'Daerah Istimewa Yogyakarta' },
  { code: '35', name: 'Jawa Timur' },
  { code: '51', name: 'Bali' },
  { code: '52', name: 'Nusa Tenggara Barat' },
  { code: '61', name: 'Kalimantan Barat' },
  { code: '63', name: 'Kalimantan Selatan' },
  { code: '64', name: 'Kalimantan Timur' },
  { code: '73', name: 'Sulawesi Selatan' },
  { code: '74', name: 'Sulawesi Tenggara' },
];

/**
 * Regencies with their Kemendagri codes: the two of the real circulars, their neighbours, and
 * cities across the provinces that led the reported figures (Sultra, Sulsel, NTB, Jateng:
 * DOMAIN.md §7), so analytics across regencies has something to compare.
 */
export const referenceRegencies: readonly ReferenceRegency[] = [
  { id: '63.01', name: 'Kabupaten Tanah Laut', kind: 'kabupaten', districts: ['Pelaihari', 'Takisung'] },
  { id: '63.03', name: 'Kabupaten Banjar', kind: 'kabupaten', districts: ['Martapura', 'Gambut'] },
  { id: '63.71', name: 'Kota Banjarmasin', kind: 'kota', districts: ['Banjarmasin Utara', 'Banjarmasin Selatan'] },
  { id: '63.72', name: 'Kota Banjarbaru', kind: 'kota', districts: ['Landasan Ulin', 'Cempaka'] },
  { id: '21.01', name: 'Kabupaten Bintan', kind: 'kabupaten', districts: ['Bintan Timur', 'Gunung Kijang'] },
  { id: '21.02', name: 'Kabupaten Karimun', kind: 'kabupaten', districts: ['Karimun', 'Meral'] },
  { id: '21.71', name: 'Kota Batam', kind: 'kota', districts: ['Batam Kota', 'Sekupang'] },
  { id: '21.72', name: 'Kota Tanjungpinang', kind: 'kota', districts: ['Tanjungpinang Barat', 'Tanjungpinang Timur'] },
  { id: '31.71', name: 'Kota Administrasi Jakarta Selatan', kind: 'kota', districts: ['Kebayoran Baru', 'Tebet'] },
  { id: '32.01', name: 'Kabupaten Bogor', kind: 'kabupaten', districts: ['Cibinong', 'Ciawi'] },
  { id: '32.73', name: 'Kota Bandung', kind: 'kota', districts: ['Coblong', 'Sukajadi'] },
  { id: '33.72', name: 'Kota Surakarta', kind: 'kota', districts: ['Laweyan', 'Banjarsari'] },
  { id: '33.74', name: 'Kota Semarang', kind: 'kota', districts: ['Semarang Tengah', 'Tembalang'] },
  { id: '34.04', name: 'Kabupaten Sleman', kind: 'kabupaten', districts: ['Depok', 'Mlati'] },
  { id: '34.71', name: 'Kota Yogyakarta', kind: 'kota', districts: ['Gondokusuman', 'Kotagede'] },
  { id: '35.78', name: 'Kota Surabaya', kind: 'kota', districts: ['Tegalsari', 'Gubeng'] },
  { id: '51.71', name: 'Kota Denpasar', kind: 'kota', districts: ['Denpasar Selatan', 'Denpasar Barat'] },
  { id: '52.71', name: 'Kota Mataram', kind: 'kota', districts: ['Ampenan', 'Cakranegara'] },
  { id: '61.71', name: 'Kota Pontianak', kind: 'kota', districts: ['Pontianak Kota', 'Pontianak Selatan'] },
  { id: '64.71', name: 'Kota Balikpapan', kind: 'kota', districts: ['Balikpapan Kota', 'Balikpapan Selatan'] },
  { id: '64.72', name: 'Kota Samarinda', kind: 'kota', districts: ['Samarinda Ulu', 'Sungai Kunjang'] },
  { id: '73.06', name: 'Kabupaten Gowa', kind: 'kabupaten', districts: ['Somba Opu', 'Bontomarannu'] },
  { id: '73.71', name: 'Kota Makassar', kind: 'kota', districts: ['Tamalate', 'Panakkukang'] },
  { id: '74.71', name: 'Kota Kendari', kind: 'kota', districts: ['Mandonga', 'Kadia'] },
  { id: '74.72', name: 'Kota Baubau', kind: 'kota', districts: ['Wolio', 'Betoambari'] },
  { id: '12.71', name: 'Kota Medan', kind: 'kota', districts: ['Medan Baru', 'Medan Kota'] },
  { id: '13.71', name: 'Kota Padang', kind: 'kota', districts: ['Padang Barat', 'Kuranji'] },
  { id: '14.71', name: 'Kota Pekanbaru', kind: 'kota', districts: ['Sukajadi', 'Marpoyan Damai'] },
];

/** `prohibition_types` rows: every type, then its lettered sub-points right after it. */
export function prohibitionTypeRows(): NewProhibitionType[] {
  const rows: NewProhibitionType[] = [];
  prohibitionTypes.forEach((type, i) => {
    // Positions step by ten so sub-points sort right after their type.
    const position = (i + 1) * 10;
    rows.push({
      code: type.code,
      family: type.family,
      regime: type.regime,
      wording: type.wording,
      gloss: type.gloss,
      default_sanction_level: type.defaultSanctionLevel,
      sanction_source: type.sanctionSource,
      position,
    });
    // Sub-points (KE-05a…) are codes a provision or case may carry, and case_codes references
    // this table: without their rows such a case could not be saved.
    type.subPoints.forEach((sub, j) => {
      rows.push({
        code: sub.code,
        family: type.family,
        regime: type.regime,
        wording: sub.wording,
        gloss: `${type.gloss} (${sub.letter})`,
        default_sanction_level: type.defaultSanctionLevel,
        sanction_source: type.sanctionSource,
        position: position + j + 1,
      });
    });
  });
  return rows;
}

/**
 * Loads (or refreshes) provinces, regencies, the prohibition taxonomy and the contests.
 * Regencies and provinces keep their names if a national admin has edited them; the taxonomy and
 * contests are the shipped data and are updated to it.
 *
 * @example await netral.withAdmin((trx) => seedReference(trx));
 */
export async function seedReference(trx: Transaction<DB> | Kysely<DB>): Promise<void> {
  await trx
    .insertInto('provinces')
    .values(referenceProvinces.map((p) => ({ code: p.code, name: p.name })))
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  await trx
    .insertInto('regencies')
    .values(
      referenceRegencies.map((r) => ({
        id: r.id,
        name: r.name,
        kind: r.kind,
        province_code: r.id.slice(0, 2),
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await trx
    .insertInto('prohibition_types')
    .values(prohibitionTypeRows())
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        family: eb.ref('excluded.family'),
        regime: eb.ref('excluded.regime'),
        wording: eb.ref('excluded.wording'),
        gloss: eb.ref('excluded.gloss'),
        default_sanction_level: eb.ref('excluded.default_sanction_level'),
        sanction_source: eb.ref('excluded.sanction_source'),
        position: eb.ref('excluded.position'),
      })),
    )
    .execute();
  await trx
    .insertInto('contests')
    .values(Object.values(contests).map((c) => ({ code: c.code, data: JSON.stringify(c) })))
    .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ data: eb.ref('excluded.data') })))
    .execute();
}
