import { readFileSync } from 'node:fs';
import { DomainError } from '@netral/domain/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixtures, insertFixtures } from '../test-fixtures';
import { createTestDb, type TestDb } from '../testing';
import {
  addresseeFromText,
  compareCirculars,
  getCircular,
  importCircular,
  listCirculars,
  publishCircular,
  supersedeCircular,
  textSimilarity,
} from './circulars';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../domain/fixtures/circulars/${name}`, import.meta.url), 'utf8');

let t: TestDb;
let f: Fixtures;
let tanahLautId: string;
let bintanId: string;

beforeAll(async () => {
  t = await createTestDb();
  f = await insertFixtures(t);
  // As the seed does: as the admin, parsed and published in one go.
  const tl = await t.withAdmin((trx) =>
    importCircular(trx, {
      regencyId: '63.01',
      provinceCode: '63',
      text: fixture('tanah-laut-se-863-0321-bkpsdm-2023.md'),
      createdBy: f.userId,
      publish: true,
    }),
  );
  const bt = await t.withAdmin((trx) =>
    importCircular(trx, { regencyId: '21.01', text: fixture('bintan-se-13-2023.md'), createdBy: null, publish: false }),
  );
  tanahLautId = tl.id;
  bintanId = bt.id;
});
afterAll(() => t.close());

describe('importCircular', () => {
  it('stores the parse with confident codes confirmed, and publishes when asked', async () => {
    const tl = await t.withTenant(['63.01'], (trx) => getCircular(trx, tanahLautId));
    expect(tl).toMatchObject({
      status: 'published',
      number: '863/0321/BKPSDM/2023',
      provinceCode: '63',
      createdBy: f.userId,
    });
    expect(tl?.provisions.find((p) => p.path === 'A.4')?.codes).toEqual(['PP94-5N-7']);
    expect(tl?.provisions.map((p) => p.position)).toEqual(tl?.provisions.map((_, i) => i));
    const bt = await t.withTenant(['21.01'], (trx) => getCircular(trx, bintanId));
    expect(bt).toMatchObject({ status: 'draft', provinceCode: '21', publishedAt: null, provisionCount: 16 });
  });

  it('refuses a text without the title and issuer a draft needs', async () => {
    const error = await t
      .withAdmin((trx) => importCircular(trx, { regencyId: '63.01', text: 'halo', createdBy: null, publish: false }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).issues.map((i) => i.path)).toEqual(expect.arrayContaining(['title', 'issuerOffice']));
  });
});

describe('row-level security', () => {
  it("hides another regency's circulars and shows the province's governor circular", async () => {
    const seen = await t.withTenant(['21.01'], (trx) => listCirculars(trx, {}));
    expect(seen.items.every((c) => c.regencyId === '21.01')).toBe(true);
    expect(await t.withTenant(['21.01'], (trx) => getCircular(trx, tanahLautId))).toBeUndefined();
    const tl = await t.withTenant(['63.01'], (trx) => listCirculars(trx, { regencyId: '63.01' }));
    expect(tl.items.map((c) => c.id)).toContain(f.governorCircularId);
    expect(tl.total).toBe(3);
  });

  it('cannot publish through a regency transaction what belongs to another regency', async () => {
    const error = await t
      .withTenant(['63.01'], (trx) => publishCircular(trx, { id: bintanId, regencyId: '21.01', version: 1 }))
      .catch((e: unknown) => e);
    expect((error as DomainError).code).toBe('NOT_FOUND');
  });
});

describe('supersede', () => {
  it('copies the published circular into a draft pointing at it; publishing supersedes the old one', async () => {
    const next = await t.withTenant(['63.01'], (trx) =>
      supersedeCircular(trx, { id: tanahLautId, regencyId: '63.01', createdBy: null }),
    );
    const old = await t.withTenant(['63.01'], (trx) => getCircular(trx, tanahLautId));
    expect(next.provisions.map(({ path, kind, codes, text }) => ({ path, kind, codes, text }))).toEqual(
      old?.provisions.map(({ path, kind, codes, text }) => ({ path, kind, codes, text })),
    );
    const result = await t.withTenant(['63.01'], (trx) =>
      publishCircular(trx, { id: next.id, regencyId: '63.01', version: next.version }),
    );
    expect(result.supersededId).toBe(tanahLautId);
    expect((await t.withTenant(['63.01'], (trx) => getCircular(trx, tanahLautId)))?.status).toBe('superseded');
    tanahLautId = next.id;
  });
});

describe('compare', () => {
  it('tells which circular covers each national prohibition type', async () => {
    const result = await t.withTenant('all', (trx) => compareCirculars(trx, tanahLautId, bintanId));
    const pp7 = result?.coverage.find((c) => c.code === 'PP94-5N-7');
    expect(pp7).toMatchObject({ coveredBy: 'a', aPaths: ['A.4'], bPaths: [] });
    expect(result?.coverage.find((c) => c.code === 'PP94-5N-1')?.coveredBy).toBe('both');
    expect(await t.withTenant(['63.01'], (trx) => compareCirculars(trx, tanahLautId, bintanId))).toBeUndefined();
  });

  it('measures similarity by shared words', () => {
    expect(textSimilarity('ikut kampanye;', 'Ikut kampanye')).toBe(1);
    expect(textSimilarity('ikut kampanye', 'ikut rapat')).toBeCloseTo(1 / 3);
    expect(textSimilarity('a', '')).toBe(0);
  });
});

describe('addresseeFromText', () => {
  it('classes the parser wording', () => {
    expect(addresseeFromText('ASN dan Non ASN di Lingkungan Pemerintah Kabupaten Bintan')).toBe('asn_and_non_asn');
    expect(addresseeFromText('Kepala Satuan Kerja Perangkat Daerah')).toBe('heads_of_units');
    expect(addresseeFromText('ASN')).toBe('asn');
    expect(addresseeFromText('Kepala Desa dan Perangkat Desa')).toBe('village_officials');
    expect(addresseeFromText(null)).toBeNull();
  });
});
