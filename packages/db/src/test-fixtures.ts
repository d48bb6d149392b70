/**
 * Rows for this package's tests: two provinces, three regencies (two in one province), a unit,
 * a circular with provisions, and a case with every kind of child, per regency. Inserted as the
 * admin. Not exported from the package.
 */
import type { Transaction } from 'kysely';
import type { NetralDb } from './create-db';
import type { DB } from './schema';

export interface RegencyRows {
  regencyId: string;
  unitId: string;
  circularId: string;
  caseId: string;
}

export interface Fixtures {
  userId: string;
  /** Kabupaten Tanah Laut (Kalimantan Selatan). */
  tanahLaut: RegencyRows;
  /** Kabupaten Bintan (Kepulauan Riau). */
  bintan: RegencyRows;
  /** A governor's circular of Kalimantan Selatan (no regency). */
  governorCircularId: string;
}

export async function insertReferenceData(trx: Transaction<DB>): Promise<void> {
  await trx
    .insertInto('provinces')
    .values([
      { code: '63', name: 'Kalimantan Selatan' },
      { code: '21', name: 'Kepulauan Riau' },
    ])
    .execute();
  await trx
    .insertInto('regencies')
    .values([
      { id: '63.01', name: 'Tanah Laut', kind: 'kabupaten', province_code: '63' },
      { id: '63.71', name: 'Banjarmasin', kind: 'kota', province_code: '63' },
      { id: '21.01', name: 'Bintan', kind: 'kabupaten', province_code: '21' },
    ])
    .execute();
  await trx
    .insertInto('contests')
    .values({ code: 'PILKADA_2024', data: JSON.stringify({ name: 'Pilkada 2024' }) })
    .execute();
  await trx
    .insertInto('prohibition_types')
    .values({
      code: 'KE-02',
      family: 'MEDSOS',
      regime: 'kode_etik',
      wording: 'Sosialisasi/kampanye media sosial/online bakal calon.',
      gloss: 'online promotion',
      default_sanction_level: 'moral',
      sanction_source: 'SKB 2022',
      position: 2,
    })
    .execute();
}

/** A unit, a published circular with two provisions, and a case citing one, with its children. */
export async function insertRegencyRows(
  trx: Transaction<DB>,
  regencyId: string,
  provinceCode: string,
  userId: string,
): Promise<RegencyRows> {
  const unit = await trx
    .insertInto('units')
    .values({ regency_id: regencyId, name: 'Dinas Pendidikan', kind: 'dinas' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const circular = await trx
    .insertInto('circulars')
    .values({
      regency_id: regencyId,
      province_code: provinceCode,
      number: `800/${regencyId}/BKPSDM`,
      title: 'Netralitas Pegawai ASN',
      issued_on: '2024-09-02',
      status: 'published',
      published_at: new Date('2024-09-03T00:00:00Z'),
      scope: ['ASN', 'NON_ASN'],
      addressees: JSON.stringify(['Sekretaris Daerah', 'Kepala Perangkat Daerah']),
      created_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('provisions')
    .values([
      {
        circular_id: circular.id,
        regency_id: regencyId,
        province_code: provinceCode,
        path: 'A',
        label: 'A.',
        kind: 'other',
        text: 'Pegawai ASN dilarang:',
        position: 0,
      },
      {
        circular_id: circular.id,
        regency_id: regencyId,
        province_code: provinceCode,
        path: 'A.1',
        label: '1.',
        parent_path: 'A',
        kind: 'prohibition',
        text: 'berkampanye di media sosial',
        codes: ['KE-02'],
        position: 1,
      },
    ])
    .execute();
  const kase = await trx
    .insertInto('cases')
    .values({
      regency_id: regencyId,
      unit_id: unit.id,
      contest: 'PILKADA_2024',
      act_on: '2024-09-10',
      phase: 'PRA_PENETAPAN',
      phase_bucket: 'before',
      subject_name: 'Subjek Contoh',
      employment_type: 'PNS',
      position_class: 'fungsional',
      source: 'public_report',
      summary: 'Unggahan dukungan di media sosial.',
      created_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('case_provisions')
    .values({ case_id: kase.id, regency_id: regencyId, circular_id: circular.id, circular_version: 1, path: 'A.1' })
    .execute();
  await trx.insertInto('case_codes').values({ case_id: kase.id, regency_id: regencyId, code: 'KE-02' }).execute();
  await trx
    .insertInto('reporters')
    .values({ case_id: kase.id, regency_id: regencyId, name: 'Pelapor', channel: 'bawaslu' })
    .execute();
  await trx
    .insertInto('evidence')
    .values({ case_id: kase.id, regency_id: regencyId, description: 'Tangkapan layar', sha256: 'a'.repeat(64) })
    .execute();
  await trx
    .insertInto('case_events')
    .values({
      case_id: kase.id,
      regency_id: regencyId,
      verb: 'receive',
      to_status: 'received',
      occurred_on: '2024-09-11',
    })
    .execute();
  // Rollups are normally derived by the case queries; a raw row is enough for tenancy checks.
  await trx
    .insertInto('case_rollup')
    .values({
      regency_id: regencyId,
      contest: 'PILKADA_2024',
      status: '*',
      unit_kind: '*',
      period: '2024-09-01',
      dim: 'total',
      key: '',
      n: 1,
    })
    .execute();
  return { regencyId, unitId: unit.id, circularId: circular.id, caseId: kase.id };
}

export async function insertFixtures(netral: NetralDb): Promise<Fixtures> {
  return netral.withAdmin(async (trx) => {
    await insertReferenceData(trx);
    const user = await trx
      .insertInto('users')
      .values({ username: 'admin', display_name: 'Admin', password_hash: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const tanahLaut = await insertRegencyRows(trx, '63.01', '63', user.id);
    const bintan = await insertRegencyRows(trx, '21.01', '21', user.id);
    const governor = await trx
      .insertInto('circulars')
      .values({ regency_id: null, province_code: '63', title: 'Netralitas ASN (Gubernur)' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('provisions')
      .values({
        circular_id: governor.id,
        regency_id: null,
        province_code: '63',
        path: '1',
        label: '1.',
        kind: 'appeal',
        text: 'Menjaga netralitas.',
        position: 0,
      })
      .execute();
    return { userId: user.id, tanahLaut, bintan, governorCircularId: governor.id };
  });
}
