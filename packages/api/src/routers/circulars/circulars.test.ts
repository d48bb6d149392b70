import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DomainError } from '@netral/domain/errors';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { BINTAN, createTestWorld, TANAH_LAUT, type TestWorld } from '../../testing';

const require = createRequire(import.meta.url);
const fixture = (name: string) => readFileSync(require.resolve(`@netral/domain/fixtures/circulars/${name}`), 'utf8');
const tanahLautText = fixture('tanah-laut-se-863-0321-bkpsdm-2023.md');
const bintanText = fixture('bintan-se-13-2023.md');

let world: TestWorld;

/** The error a call fails with. */
async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** Dotted paths of the fields an error names, as the error formatter would send them. */
function fieldPaths(error: TRPCError): string[] {
  if (error.cause instanceof ZodError) return error.cause.issues.map((i) => i.path.map(String).join('.'));
  if (error.cause instanceof DomainError) return error.cause.issues.map((i) => i.path);
  return [];
}

async function auditCount(): Promise<number> {
  const row = await world.db.withAdmin((trx) =>
    trx
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  );
  return row.n;
}

/** Runs a mutation and checks it wrote exactly one audit event. */
async function audited<T>(run: () => Promise<T>, action: string): Promise<T> {
  const before = await auditCount();
  const result = await run();
  expect(await auditCount()).toBe(before + 1);
  const last = await world.db.withAdmin((trx) =>
    trx.selectFrom('audit_events').select('action').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow(),
  );
  expect(last.action).toBe(action);
  return result;
}

/** Import as the admin app does: preview → save the proposed draft → publish. */
async function importAndPublish(caller: TestWorld['callers']['tanahlaut'], regencyId: string, text: string) {
  const preview = await caller.circulars.importPreview({ text });
  const draft = await audited(() => caller.circulars.createDraft({ regencyId, ...preview.draft }), 'circular.create');
  return audited(
    () => caller.circulars.publish({ regencyId, id: draft.id, version: draft.version }),
    'circular.publish',
  );
}

let tanahLautId: string;
let bintanId: string;

beforeAll(async () => {
  world = await createTestWorld();
  tanahLautId = (await importAndPublish(world.callers.tanahlaut, TANAH_LAUT, tanahLautText)).id;
  bintanId = (await importAndPublish(world.callers.bintan, BINTAN, bintanText)).id;
});
afterAll(() => world.close());

const pp94 = (n: number) => [`PP94-5N-${n}`];

describe('importing the real circulars', () => {
  it('previews without writing anything and proposes an editable draft', async () => {
    const before = await auditCount();
    const preview = await world.callers.operator.circulars.importPreview({ text: tanahLautText });
    expect(preview.json.number).toBe('863/0321/BKPSDM/2023');
    expect(preview.result.metadata.date).toBe('2023-01-30');
    expect(preview.draft.metadata).toMatchObject({
      number: '863/0321/BKPSDM/2023',
      issuedOn: '2023-01-30',
      issuerOffice: 'BUPATI TANAH LAUT',
    });
    expect(await auditCount()).toBe(before);
  });

  it('stores every provision of Tanah Laut with its path, kind and codes', async () => {
    const c = await world.callers.tanahlaut.circulars.get({ regencyId: TANAH_LAUT, id: tanahLautId });
    expect(c).toMatchObject({
      status: 'published',
      number: '863/0321/BKPSDM/2023',
      issuedOn: '2023-01-30',
      scope: ['ASN'],
    });
    expect(c.publishedAt).not.toBeNull();
    expect(c.sourceText).toBe(tanahLautText);
    expect(c.provisions.map((p) => [p.path, p.kind, p.codes])).toEqual([
      ['A', 'prohibition', []],
      ['A.1', 'prohibition', []],
      ['A.1.a', 'prohibition', pp94(1)],
      ['A.1.b', 'prohibition', pp94(2)],
      ['A.1.c', 'prohibition', pp94(3)],
      ['A.1.d', 'prohibition', pp94(4)],
      ['A.2', 'prohibition', pp94(5)],
      ['A.3', 'prohibition', pp94(6)],
      ['A.4', 'prohibition', pp94(7)],
      ['B', 'obligation', []],
      ['B.1', 'obligation', []],
      ['B.2', 'obligation', []],
      ['B.3', 'obligation', []],
      ['B.4', 'obligation', []],
      ['C', 'obligation', []],
    ]);
    // The parser's weaker proposals are kept beside the confirmed codes.
    expect(c.provisions.find((p) => p.path === 'A.4')?.suggestedCodes.map((s) => s.code)).toEqual([
      'PP94-5N-7',
      'DS-11',
    ]);
    expect(c.provisions.find((p) => p.path === 'B')?.addressee).toBe('heads_of_units');
  });

  it('stores every provision of Bintan with its path, kind and codes', async () => {
    const c = await world.callers.bintan.circulars.get({ id: bintanId });
    expect(c).toMatchObject({ number: '13/2023', issuedOn: '2023-11-25', scope: ['ASN', 'NON_ASN'] });
    expect(c.provisions.map((p) => [p.path, p.kind, p.codes])).toEqual([
      ['A', 'prohibition', []],
      ['A.1', 'prohibition', []],
      ['A.1.a', 'prohibition', pp94(1)],
      ['A.1.b', 'prohibition', pp94(2)],
      ['A.1.c', 'prohibition', pp94(3)],
      ['A.1.d', 'prohibition', pp94(4)],
      ['A.2', 'prohibition', pp94(5)],
      ['A.3', 'prohibition', pp94(6)],
      ['B', 'obligation', []],
      ['B.1', 'obligation', []],
      ['B.2', 'obligation', []],
      ['B.3', 'obligation', []],
      ['B.4', 'obligation', []],
      ['B.5', 'obligation', []],
      ['B.6', 'obligation', []],
      ['C', 'appeal', []],
    ]);
    expect(c.provisions.find((p) => p.path === 'A')?.addressee).toBe('asn_and_non_asn');
  });

  it('refuses a text over 500 KB with a field message, and an empty one', async () => {
    const big = await failure(world.callers.tanahlaut.circulars.importPreview({ text: 'x'.repeat(500_001) }));
    expect(big.code).toBe('BAD_REQUEST');
    expect(fieldPaths(big)).toEqual(['text']);
    expect(String(big.cause)).toContain('500');
    expect((await failure(world.callers.tanahlaut.circulars.importPreview({ text: '' }))).code).toBe('BAD_REQUEST');
  });

  it('is for caseworkers: an analyst cannot import', async () => {
    expect((await failure(world.callers.analis.circulars.importPreview({ text: 'x' }))).code).toBe('FORBIDDEN');
  });
});

describe('drafts', () => {
  const metadata = {
    number: null,
    title: 'Netralitas ASN pada Pilkada 2024',
    issuerOffice: 'BUPATI TANAH LAUT',
    scope: ['ASN' as const],
  };
  const provisions = [
    {
      path: '1',
      label: '1',
      kind: 'prohibition' as const,
      text: 'ASN dilarang ikut kampanye.',
      codes: ['PP94-5N-1' as const],
    },
    { path: '1.a', label: 'a', parentPath: '1', kind: 'prohibition' as const, text: 'memasang spanduk.' },
  ];

  it('an officer creates and edits a draft but cannot publish it', async () => {
    const op = world.callers.operator;
    const draft = await op.circulars.createDraft({ regencyId: TANAH_LAUT, metadata, provisions, sourceText: '' });
    expect(draft).toMatchObject({ status: 'draft', version: 1, provisionCount: 2 });
    const edited = await audited(
      () =>
        op.circulars.update({
          regencyId: TANAH_LAUT,
          id: draft.id,
          version: draft.version,
          metadata: { ...metadata, number: '100/2024', issuedOn: '2024-08-01' },
          provisions: provisions.slice(0, 1),
        }),
      'circular.update',
    );
    expect(edited).toMatchObject({ version: 2, number: '100/2024', provisionCount: 1 });
    const refused = await failure(op.circulars.publish({ regencyId: TANAH_LAUT, id: draft.id, version: 2 }));
    expect(refused.code).toBe('FORBIDDEN');
    expect((await failure(op.circulars.supersede({ regencyId: TANAH_LAUT, id: tanahLautId }))).code).toBe('FORBIDDEN');
    expect((await failure(op.circulars.revoke({ regencyId: TANAH_LAUT, id: tanahLautId, version: 2 }))).code).toBe(
      'FORBIDDEN',
    );
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const tl = world.callers.tanahlaut;
    const draft = await tl.circulars.createDraft({ regencyId: TANAH_LAUT, metadata, provisions });
    await tl.circulars.update({
      regencyId: TANAH_LAUT,
      id: draft.id,
      version: 1,
      metadata: { ...metadata, title: 'Kedua' },
      provisions,
    });
    const before = await auditCount();
    const stale = await failure(
      tl.circulars.update({
        regencyId: TANAH_LAUT,
        id: draft.id,
        version: 1,
        metadata: { ...metadata, title: 'Ketiga' },
        provisions: [],
      }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(await auditCount()).toBe(before);
    const stored = await tl.circulars.get({ id: draft.id });
    expect(stored).toMatchObject({ title: 'Kedua', version: 2, provisionCount: 2 });
  });

  it('refuses to change a published circular, saying how to change it', async () => {
    const c = await world.callers.tanahlaut.circulars.get({ id: tanahLautId });
    const refused = await failure(
      world.callers.tanahlaut.circulars.update({
        regencyId: TANAH_LAUT,
        id: c.id,
        version: c.version,
        metadata,
        provisions,
      }),
    );
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/published circular cannot be changed.*supersede/i);
    expect((await world.callers.tanahlaut.circulars.get({ id: tanahLautId })).provisionCount).toBe(15);
  });

  it('answers bad input with per-field messages', async () => {
    const bad = await failure(
      world.callers.tanahlaut.circulars.createDraft({
        regencyId: TANAH_LAUT,
        metadata: { ...metadata, title: ' ', scope: [] },
        provisions: [provisions[0] as (typeof provisions)[number], { ...provisions[1], codes: ['XX-99'] } as never],
      }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
    expect(fieldPaths(bad).sort()).toEqual(['metadata.scope', 'metadata.title', 'provisions.1.codes.0']);

    // Rules across fields come from the domain schema, under the input's paths.
    const orphan = await failure(
      world.callers.tanahlaut.circulars.createDraft({
        regencyId: TANAH_LAUT,
        metadata,
        provisions: [
          { path: '2.a', label: 'a', parentPath: '2', kind: 'other', text: 'x' },
          provisions[0] as never,
          provisions[0] as never,
        ],
      }),
    );
    expect(orphan.code).toBe('BAD_REQUEST');
    expect(fieldPaths(orphan).sort()).toEqual(['provisions.0.parentPath', 'provisions.2.path']);
  });

  it('will not publish without number and date, naming both', async () => {
    const draft = await world.callers.tanahlaut.circulars.createDraft({ regencyId: TANAH_LAUT, metadata, provisions });
    const refused = await failure(
      world.callers.tanahlaut.circulars.publish({ regencyId: TANAH_LAUT, id: draft.id, version: 1 }),
    );
    expect(refused.code).toBe('BAD_REQUEST');
    expect(fieldPaths(refused).sort()).toEqual(['issuedOn', 'number']);
  });
});

describe('versions', () => {
  it('supersedes: a new draft, published, marks the old one superseded', async () => {
    const tl = world.callers.tanahlaut;
    const next = await audited(
      () => tl.circulars.supersede({ regencyId: TANAH_LAUT, id: tanahLautId }),
      'circular.supersede',
    );
    expect(next).toMatchObject({
      status: 'draft',
      supersedesId: tanahLautId,
      number: '863/0321/BKPSDM/2023',
      provisionCount: 15,
    });
    expect((await failure(tl.circulars.supersede({ regencyId: TANAH_LAUT, id: tanahLautId }))).code).toBe('CONFLICT');

    const edited = await tl.provisions.update({
      regencyId: TANAH_LAUT,
      circularId: next.id,
      version: next.version,
      path: 'A.1',
      codes: ['PP94-5N-1'],
    });
    const published = await audited(
      () => tl.circulars.publish({ regencyId: TANAH_LAUT, id: next.id, version: edited.circularVersion }),
      'circular.publish',
    );
    expect(published.status).toBe('published');
    const old = await tl.circulars.get({ id: tanahLautId });
    expect(old.status).toBe('superseded');
    expect(old.provisions.find((p) => p.path === 'A.1')?.codes).toEqual([]);
    const superseded = await tl.circulars.list({ regencyId: TANAH_LAUT, status: 'superseded' });
    expect(superseded.items.map((c) => c.id)).toEqual([tanahLautId]);
    tanahLautId = published.id;
  });

  it('revokes a published circular, once', async () => {
    const tl = world.callers.tanahlaut;
    const draft = await tl.circulars.createDraft({
      regencyId: TANAH_LAUT,
      metadata: {
        number: '1/2022',
        issuedOn: '2022-03-01',
        title: 'Cuti bersama',
        issuerOffice: 'BUPATI',
        scope: ['ASN'],
      },
      provisions: [],
    });
    const published = await tl.circulars.publish({ regencyId: TANAH_LAUT, id: draft.id, version: draft.version });
    const revoked = await audited(
      () =>
        tl.circulars.revoke({
          regencyId: TANAH_LAUT,
          id: draft.id,
          version: published.version,
          reason: 'Salah terbit',
        }),
      'circular.revoke',
    );
    expect(revoked.status).toBe('revoked');
    const again = await failure(tl.circulars.revoke({ regencyId: TANAH_LAUT, id: draft.id, version: revoked.version }));
    expect(again.code).toBe('CONFLICT');
  });
});

describe('listing', () => {
  it('filters by status, year and number or title, newest first, paginated', async () => {
    const tl = world.callers.tanahlaut;
    const published = await tl.circulars.list({ regencyId: TANAH_LAUT, status: 'published' });
    expect(published.items.every((c) => c.status === 'published')).toBe(true);
    expect((await tl.circulars.list({ year: 2023 })).items.map((c) => c.number)).toEqual([
      '863/0321/BKPSDM/2023',
      '863/0321/BKPSDM/2023',
    ]);
    expect((await tl.circulars.list({ search: '0321/bkpsdm', status: 'published' })).items.map((c) => c.id)).toEqual([
      tanahLautId,
    ]);
    expect((await tl.circulars.list({ search: 'cuti' })).items.map((c) => c.title)).toEqual(['Cuti bersama']);
    const all = await tl.circulars.list({});
    const page2 = await tl.circulars.list({ pageSize: 2, page: 2 });
    expect(page2).toMatchObject({ total: all.total, page: 2, pageSize: 2 });
    expect(page2.items.map((c) => c.id)).toEqual(all.items.slice(2, 4).map((c) => c.id));
    const dated = all.items.map((c) => c.issuedOn).filter((d): d is string => d !== null);
    expect(dated).toEqual([...dated].sort().reverse());
  });

  it("shows a governor's circular to the regencies of its province, read-only", async () => {
    const governor = await world.db.withAdmin((trx) =>
      trx
        .insertInto('circulars')
        .values({
          regency_id: null,
          province_code: '63',
          title: 'Netralitas ASN se-Kalimantan Selatan',
          scope: ['ASN'],
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
    const listed = await world.callers.tanahlaut.circulars.list({ regencyId: TANAH_LAUT, search: 'Kalimantan' });
    expect(listed.items).toMatchObject([{ id: governor.id, regencyId: null, provinceCode: '63' }]);
    expect(
      (await world.callers.tanahlaut.circulars.get({ regencyId: TANAH_LAUT, id: governor.id })).regencyId,
    ).toBeNull();
    expect((await world.callers.bintan.circulars.list({ search: 'Kalimantan' })).total).toBe(0);
    expect((await failure(world.callers.bintan.circulars.get({ id: governor.id }))).code).toBe('NOT_FOUND');
    const write = await failure(
      world.callers.tanahlaut.circulars.update({
        regencyId: TANAH_LAUT,
        id: governor.id,
        version: 1,
        metadata: { title: 'x', issuerOffice: 'x', scope: ['ASN'] },
        provisions: [],
      }),
    );
    expect(write.code).toBe('NOT_FOUND');
  });
});

describe('tenancy and roles', () => {
  it("keeps Bintan's circulars from Tanah Laut", async () => {
    const tl = world.callers.tanahlaut;
    expect((await failure(tl.circulars.list({ regencyId: BINTAN }))).code).toBe('NOT_FOUND');
    expect((await tl.circulars.list({})).items.every((c) => c.regencyId === TANAH_LAUT || c.regencyId === null)).toBe(
      true,
    );
    expect((await failure(tl.circulars.get({ id: bintanId }))).code).toBe('NOT_FOUND');
    expect((await failure(tl.circulars.get({ regencyId: BINTAN, id: bintanId }))).code).toBe('NOT_FOUND');
    const meta = { title: 'x', issuerOffice: 'x', scope: ['ASN' as const] };
    expect(
      (
        await failure(
          tl.circulars.update({ regencyId: BINTAN, id: bintanId, version: 2, metadata: meta, provisions: [] }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await failure(
          tl.circulars.update({ regencyId: TANAH_LAUT, id: bintanId, version: 2, metadata: meta, provisions: [] }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect((await failure(tl.circulars.revoke({ regencyId: TANAH_LAUT, id: bintanId, version: 2 }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await failure(tl.circulars.compare({ a: { id: tanahLautId }, b: { id: bintanId } }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await world.callers.bintan.circulars.get({ id: bintanId })).status).toBe('published');
  });

  it('lets analysts read circulars (public documents) without internal user ids, never write', async () => {
    const an = world.callers.analis;
    const listed = await an.circulars.list({ status: 'published' });
    expect(listed.items.map((c) => c.regencyId).sort()).toEqual([BINTAN, TANAH_LAUT]);
    const c = await an.circulars.get({ regencyId: BINTAN, id: bintanId });
    expect(c.provisions).toHaveLength(16);
    expect(c.createdBy).toBeNull();
    expect((await world.callers.bintan.circulars.get({ id: bintanId })).createdBy).toBe(world.users.bintan.id);
    const meta = { title: 'x', issuerOffice: 'x', scope: ['ASN' as const] };
    expect((await failure(an.circulars.createDraft({ regencyId: BINTAN, metadata: meta, provisions: [] }))).code).toBe(
      'FORBIDDEN',
    );
  });

  it('needs a signed-in user', async () => {
    expect((await failure(world.callerFor({}).circulars.list({}))).code).toBe('UNAUTHORIZED');
  });
});

describe('compare', () => {
  it('shows PP94-5N-7 covered only by Tanah Laut, side by side', async () => {
    const result = await world.callers.nasional.circulars.compare({
      a: { regencyId: TANAH_LAUT, id: tanahLautId },
      b: { regencyId: BINTAN, id: bintanId },
    });
    const coverage = Object.fromEntries(result.coverage.map((c) => [c.code, c.coveredBy]));
    expect(coverage['PP94-5N-7']).toBe('a');
    for (const n of [1, 2, 3, 4, 5, 6]) expect(coverage[`PP94-5N-${n}`]).toBe('both');
    expect(coverage['DS-11']).toBe('neither');
    expect(result.counts).toEqual({ both: 6, a: 1, b: 0, neither: result.coverage.length - 7 });
    expect(result.coverage.find((c) => c.code === 'PP94-5N-7')?.aPaths).toEqual(['A.4']);

    const row = (path: string) => result.rows.find((r) => r.a?.path === path || r.b?.path === path);
    expect(row('A.1.a')).toMatchObject({
      a: { path: 'A.1.a' },
      b: { path: 'A.1.a' },
      matchedBy: 'path',
      similarity: 1,
    });
    expect(row('A.4')).toMatchObject({ b: null, matchedBy: null });
    expect(row('B.6')).toMatchObject({ a: null });
    expect(result.rows.map((r) => r.a?.path ?? null).filter((p) => p !== null)).toHaveLength(15);
    expect(result.rows.map((r) => r.b?.path ?? null).filter((p) => p !== null)).toHaveLength(16);
  });

  it('compares two regencies for a user who can read both, or the same one without regencies named', async () => {
    const both = await world.callers.analis.circulars.compare({ a: { id: tanahLautId }, b: { id: bintanId } });
    expect(both.a.id).toBe(tanahLautId);
    const same = await world.callers.tanahlaut.circulars.compare({ a: { id: tanahLautId }, b: { id: tanahLautId } });
    expect(same.counts.a + same.counts.b).toBe(0);
    expect(same.rows.every((r) => r.matchedBy === 'path')).toBe(true);
  });
});
