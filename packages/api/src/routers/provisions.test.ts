import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DomainError } from '@netral/domain/errors';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { BINTAN, createTestWorld, TANAH_LAUT, type TestWorld } from '../testing';

const require = createRequire(import.meta.url);
const tanahLautText = readFileSync(
  require.resolve('@netral/domain/fixtures/circulars/tanah-laut-se-863-0321-bkpsdm-2023.md'),
  'utf8',
);

let world: TestWorld;
let draftId: string;
let version: number;

async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

function fieldPaths(error: TRPCError): string[] {
  if (error.cause instanceof ZodError) return error.cause.issues.map((i) => i.path.map(String).join('.'));
  if (error.cause instanceof DomainError) return error.cause.issues.map((i) => i.path);
  return [];
}

async function auditActions(): Promise<string[]> {
  const rows = await world.db.withAdmin((trx) =>
    trx.selectFrom('audit_events').select('action').orderBy('id').execute(),
  );
  return rows.map((r) => r.action);
}

beforeAll(async () => {
  world = await createTestWorld();
  const preview = await world.callers.operator.circulars.importPreview({ text: tanahLautText });
  const draft = await world.callers.operator.circulars.createDraft({ regencyId: TANAH_LAUT, ...preview.draft });
  draftId = draft.id;
  version = draft.version;
});
afterAll(() => world.close());

describe('provisions.list', () => {
  it('lists a circular’s provisions in document order, to caseworkers and analysts of its regency', async () => {
    const list = await world.callers.operator.provisions.list({ regencyId: TANAH_LAUT, circularId: draftId });
    expect(list.map((p) => p.path).slice(0, 4)).toEqual(['A', 'A.1', 'A.1.a', 'A.1.b']);
    expect(list.map((p) => p.position)).toEqual(list.map((_, i) => i));
    expect(list[2]).toMatchObject({ label: 'a', parentPath: 'A.1', kind: 'prohibition', text: 'ikut kampanye;' });
    expect(await world.callers.analis.provisions.list({ regencyId: TANAH_LAUT, circularId: draftId })).toHaveLength(15);
  });

  it('does not show them to another regency', async () => {
    const b = world.callers.bintan;
    expect((await failure(b.provisions.list({ regencyId: TANAH_LAUT, circularId: draftId }))).code).toBe('NOT_FOUND');
    expect((await failure(b.provisions.list({ regencyId: BINTAN, circularId: draftId }))).code).toBe('NOT_FOUND');
  });
});

describe('provisions.update', () => {
  it('lets an officer confirm codes of a draft provision, with one audit event', async () => {
    const before = await auditActions();
    const result = await world.callers.operator.provisions.update({
      regencyId: TANAH_LAUT,
      circularId: draftId,
      version,
      path: 'A.2',
      codes: ['PP94-5N-5', 'DS-12'],
    });
    expect(result.provision).toMatchObject({ path: 'A.2', kind: 'prohibition', codes: ['PP94-5N-5', 'DS-12'] });
    expect(result.circularVersion).toBe(version + 1);
    expect(await auditActions()).toEqual([...before, 'provision.update']);
    version = result.circularVersion;
    const stored = await world.callers.operator.provisions.list({ regencyId: TANAH_LAUT, circularId: draftId });
    expect(stored.find((p) => p.path === 'A.2')?.codes).toEqual(['PP94-5N-5', 'DS-12']);
  });

  it('corrects a kind, and refuses codes on a provision that is no prohibition', async () => {
    const tl = world.callers.tanahlaut;
    const refused = await failure(
      tl.provisions.update({ regencyId: TANAH_LAUT, circularId: draftId, version, path: 'B.1', codes: ['DS-01'] }),
    );
    expect(refused.code).toBe('BAD_REQUEST');
    expect(fieldPaths(refused)).toEqual(['codes']);
    const changed = await tl.provisions.update({
      regencyId: TANAH_LAUT,
      circularId: draftId,
      version,
      path: 'B.1',
      kind: 'prohibition',
      codes: ['DS-01'],
    });
    expect(changed.provision).toMatchObject({ kind: 'prohibition', codes: ['DS-01'] });
    version = changed.circularVersion;
  });

  it('refuses unknown codes, repeated codes and bad paths with field messages', async () => {
    const tl = world.callers.tanahlaut;
    const unknown = await failure(
      tl.provisions.update({
        regencyId: TANAH_LAUT,
        circularId: draftId,
        version,
        path: 'A.2',
        codes: ['XX-1' as never],
      }),
    );
    expect(unknown.code).toBe('BAD_REQUEST');
    expect(fieldPaths(unknown)).toEqual(['codes.0']);
    const repeated = await failure(
      tl.provisions.update({
        regencyId: TANAH_LAUT,
        circularId: draftId,
        version,
        path: 'A.2',
        codes: ['DS-01', 'DS-01'],
      }),
    );
    expect(fieldPaths(repeated)).toEqual(['codes']);
    const badPath = await failure(
      tl.provisions.update({ regencyId: TANAH_LAUT, circularId: draftId, version, path: 'A..2' }),
    );
    expect(fieldPaths(badPath)).toEqual(['path']);
    const missing = await failure(
      tl.provisions.update({ regencyId: TANAH_LAUT, circularId: draftId, version, path: 'Z.9' }),
    );
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('refuses a stale version and changes nothing', async () => {
    const before = await auditActions();
    const stale = await failure(
      world.callers.tanahlaut.provisions.update({
        regencyId: TANAH_LAUT,
        circularId: draftId,
        version: version - 1,
        path: 'A.3',
        codes: [],
      }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(await auditActions()).toEqual(before);
    const list = await world.callers.tanahlaut.provisions.list({ regencyId: TANAH_LAUT, circularId: draftId });
    expect(list.find((p) => p.path === 'A.3')?.codes).toEqual(['PP94-5N-6']);
  });

  it('is closed to analysts and other regencies', async () => {
    const input = { regencyId: TANAH_LAUT, circularId: draftId, version, path: 'A.3', codes: [] };
    expect((await failure(world.callers.analis.provisions.update(input))).code).toBe('FORBIDDEN');
    expect((await failure(world.callers.bintan.provisions.update(input))).code).toBe('NOT_FOUND');
    expect((await failure(world.callers.bintan.provisions.update({ ...input, regencyId: BINTAN }))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('refuses to change a provision once the circular is published', async () => {
    const published = await world.callers.tanahlaut.circulars.publish({ regencyId: TANAH_LAUT, id: draftId, version });
    const refused = await failure(
      world.callers.tanahlaut.provisions.update({
        regencyId: TANAH_LAUT,
        circularId: draftId,
        version: published.version,
        path: 'A.3',
        codes: [],
      }),
    );
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/published circular cannot be changed/);
  });
});
