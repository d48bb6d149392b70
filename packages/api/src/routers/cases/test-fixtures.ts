/**
 * What case tests need beyond `createTestWorld()`: the contests and the taxonomy (the seed loads
 * them in a real deployment), and in each regency a published circular with prohibitions to cite.
 * Test support only.
 */
import { contests } from '@netral/domain/phases';
import { prohibitionTypes } from '@netral/domain/taxonomy';
import type { TestWorld } from '../../testing';
import { BINTAN, TANAH_LAUT } from '../../testing';

export interface CaseFixtures {
  /** Published circular per regency (version 1), with provisions A.1 (KE-02), A.2 (DS-08), A.3 (KE-05a). */
  circulars: { tanahLaut: string; bintan: string };
  /** A draft circular of Tanah Laut with a provision A.1 (not citable). */
  draftCircular: string;
  /** A retired unit of Tanah Laut. */
  retiredUnit: string;
  /** A second, active unit of Tanah Laut of another kind. */
  schoolUnit: string;
}

export async function insertCaseFixtures(world: TestWorld): Promise<CaseFixtures> {
  return world.db.withAdmin(async (trx) => {
    await trx
      .insertInto('contests')
      .values(Object.values(contests).map((c) => ({ code: c.code, data: JSON.stringify(c) })))
      .execute();
    let position = 0;
    await trx
      .insertInto('prohibition_types')
      .values(
        prohibitionTypes.flatMap((t) => [
          {
            code: t.code,
            family: t.family,
            regime: t.regime,
            wording: t.wording,
            gloss: t.gloss,
            default_sanction_level: t.defaultSanctionLevel,
            sanction_source: t.sanctionSource,
            position: position++,
          },
          ...t.subPoints.map((s) => ({
            code: s.code,
            family: t.family,
            regime: t.regime,
            wording: s.wording,
            gloss: t.gloss,
            default_sanction_level: t.defaultSanctionLevel,
            sanction_source: t.sanctionSource,
            position: position++,
          })),
        ]),
      )
      .execute();

    const circular = async (regencyId: string, provinceCode: string, status: 'published' | 'draft') => {
      const row = await trx
        .insertInto('circulars')
        .values({
          regency_id: regencyId,
          province_code: provinceCode,
          number: `800/${regencyId}/${status}`,
          title: 'Netralitas ASN',
          issued_on: '2024-08-01',
          status,
          published_at: status === 'published' ? new Date('2024-08-02T00:00:00Z') : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const base = { circular_id: row.id, regency_id: regencyId, province_code: provinceCode };
      await trx
        .insertInto('provisions')
        .values([
          { ...base, path: 'A', label: 'A.', parent_path: null, kind: 'other', text: 'Larangan', position: 0 },
          {
            ...base,
            path: 'A.1',
            label: '1.',
            parent_path: 'A',
            kind: 'prohibition',
            text: 'Kampanye di media sosial',
            codes: ['KE-02'],
            position: 1,
          },
          {
            ...base,
            path: 'A.2',
            label: '2.',
            parent_path: 'A',
            kind: 'prohibition',
            text: 'Kegiatan keberpihakan',
            codes: ['DS-08'],
            position: 2,
          },
          {
            ...base,
            path: 'A.3',
            label: '3.',
            parent_path: 'A',
            kind: 'prohibition',
            text: 'Foto bersama bakal calon',
            codes: ['KE-05a'],
            position: 3,
          },
        ])
        .execute();
      return row.id;
    };
    const tanahLaut = await circular(TANAH_LAUT, '63', 'published');
    const bintan = await circular(BINTAN, '21', 'published');
    const draftCircular = await circular(TANAH_LAUT, '63', 'draft');
    const retired = await trx
      .insertInto('units')
      .values({ regency_id: TANAH_LAUT, name: 'Dinas Lama', kind: 'dinas', retired_at: new Date('2024-01-01') })
      .returning('id')
      .executeTakeFirstOrThrow();
    const school = await trx
      .insertInto('units')
      .values({ regency_id: TANAH_LAUT, name: 'SMPN 1 Pelaihari', kind: 'sekolah' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { circulars: { tanahLaut, bintan }, draftCircular, retiredUnit: retired.id, schoolUnit: school.id };
  });
}

/** A valid PNS NIP (born 1 Jan 1980, appointed Jan 2005, male, serial 001). */
export const VALID_NIP = '198001012005011001';
