import { type inferRouterInputs, TRPCError } from '@trpc/server';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '../../router';
import { BINTAN, createTestWorld, TANAH_LAUT, type TestWorld } from '../../testing';
import { type CaseFixtures, insertCaseFixtures, VALID_NIP } from './test-fixtures';

let world: TestWorld;
let fx: CaseFixtures;

beforeAll(async () => {
  world = await createTestWorld();
  fx = await insertCaseFixtures(world);
}, 60_000);
afterAll(() => world?.close());

type CreateInput = inferRouterInputs<AppRouter>['cases']['create'];

function newCase(overrides: Partial<CreateInput> = {}): CreateInput {
  return {
    regencyId: TANAH_LAUT,
    unitId: world.units.tanahLaut,
    contest: 'PILKADA_2024',
    actOn: '2024-10-01',
    receivedOn: '2024-10-03',
    subject: {
      name: 'Budi Santoso',
      nip: VALID_NIP,
      employmentType: 'PNS',
      positionClass: 'fungsional',
      positionTitle: 'Guru Ahli Pertama',
    },
    provisions: [{ circularId: fx.circulars.tanahLaut, circularVersion: 1, path: 'A.1' }],
    source: 'public_report',
    summary: 'Mengunggah ajakan memilih pasangan calon di Facebook.',
    reporter: { name: 'Siti Pelapor', contact: '0812-0000-0000', channel: 'bawaslu' },
    ...overrides,
  };
}

async function trpcError(promise: Promise<unknown>): Promise<TRPCError & { data?: unknown }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** The formatted error data (code, domainCode, fieldErrors) as a client sees it. */
async function errorData(promise: Promise<unknown>) {
  const error = await trpcError(promise);
  const { getErrorShape } = await import('@trpc/server/unstable-core-do-not-import');
  const { appRouter } = await import('../../router');
  const shape = getErrorShape({
    config: appRouter._def._config,
    error,
    type: 'query',
    path: 'cases',
    input: undefined,
    ctx: { locale: 'id' } as never,
  }) as { message: string; data: { code: string; domainCode: string | null; fieldErrors: Record<string, string[]> } };
  return { ...shape.data, message: shape.message };
}

async function auditCount(): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from audit_events`.execute(world.db.db);
  return r.rows[0]?.n ?? 0;
}

describe('cases: create and read', () => {
  it('registers a case with phase and codes derived, the reporter kept apart', async () => {
    const created = await world.callers.operator.cases.create(newCase());
    expect(created.status).toBe('received');
    const detail = await world.callers.tanahlaut.cases.get({ regencyId: TANAH_LAUT, id: created.id });
    expect(detail.phase).toBe('KAMPANYE');
    expect(detail.phaseBucket).toBe('during');
    expect(detail.codes).toEqual(['KE-02']);
    expect(detail.provisions.map((p) => p.path)).toEqual(['A.1']);
    expect(detail.reporter?.name).toBe('Siti Pelapor');
    expect(detail.events.map((e) => e.verb)).toEqual(['register']);
    expect(detail.availableVerbs).toContain('startVerification');
    const caseRow = await world.db.db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(caseRow)).not.toContain('Siti');

    // An officer handles the case but does not see who reported it.
    const asOfficer = await world.callers.operator.cases.get({ regencyId: TANAH_LAUT, id: created.id });
    expect(asOfficer.reporter).toBeUndefined();
    expect(JSON.stringify(asOfficer)).not.toContain('Siti');
  });

  it('keeps edited prohibition codes instead of the derived ones', async () => {
    const created = await world.callers.tanahlaut.cases.create(newCase({ prohibitionCodes: ['DS-02', 'KE-04'] }));
    const detail = await world.callers.tanahlaut.cases.get({ regencyId: TANAH_LAUT, id: created.id });
    expect(detail.codes).toEqual(['DS-02', 'KE-04']);
  });

  it('refuses a bad NIP with a field message in Indonesian', async () => {
    const data = await errorData(
      world.callers.tanahlaut.cases.create(newCase({ subject: { ...newCase().subject, nip: '198013012005011001' } })),
    );
    expect(data.code).toBe('BAD_REQUEST');
    expect(data.fieldErrors['subject.nip']?.[0]).toMatch(/Tanggal lahir pada NIP/);
  });

  it('refuses a unit of another regency, a retired unit, and provisions of a draft circular', async () => {
    const otherRegency = await errorData(world.callers.tanahlaut.cases.create(newCase({ unitId: world.units.bintan })));
    expect(otherRegency.code).toBe('BAD_REQUEST');
    expect(otherRegency.fieldErrors.unitId?.[0]).toMatch(/tidak ditemukan/);
    const retired = await errorData(world.callers.tanahlaut.cases.create(newCase({ unitId: fx.retiredUnit })));
    expect(retired.fieldErrors.unitId?.[0]).toMatch(/tidak aktif/);
    const draft = await errorData(
      world.callers.tanahlaut.cases.create(
        newCase({ provisions: [{ circularId: fx.draftCircular, circularVersion: 1, path: 'A.1' }] }),
      ),
    );
    expect(draft.fieldErrors['provisions.0']?.[0]).toMatch(/diterbitkan/);
    // Bintan's published circular is not readable from Tanah Laut.
    const foreign = await errorData(
      world.callers.tanahlaut.cases.create(
        newCase({ provisions: [{ circularId: fx.circulars.bintan, circularVersion: 1, path: 'A.1' }] }),
      ),
    );
    expect(foreign.fieldErrors['provisions.0']).toBeDefined();
  });
});

describe('cases: workflow', () => {
  it('goes from received through recommendation to an executed sanction, with a timeline', async () => {
    const admin = world.callers.tanahlaut;
    const officer = world.callers.operator;
    const { id } = await officer.cases.create(newCase());
    let version = 1;
    const step = async (caller: typeof admin, verb: string, input: Record<string, unknown>) => {
      const r = await caller.cases.transition({ regencyId: TANAH_LAUT, id, version, verb: verb as never, input });
      version = r.case.version;
      return r;
    };
    await step(officer, 'startVerification', { occurredOn: '2024-10-04', reason: 'Memenuhi syarat formil' });
    const recommended = await step(officer, 'recommend', {
      occurredOn: '2024-10-20',
      reason: 'Rekomendasi BKN diterima',
      number: 'R-123/BKN/2024',
      issuedOn: '2024-10-18',
      recommendedSanction: 'SEDANG_TUKIN25_6',
    });
    expect(recommended.case.recommendation?.body).toBe('BKN');
    expect(recommended.case.ppkDeadline).toMatch(/^2024-11-/);

    // An officer may not impose a sanction.
    const refused = await errorData(
      officer.cases.transition({
        regencyId: TANAH_LAUT,
        id,
        version,
        verb: 'impose',
        input: {
          occurredOn: '2024-10-25',
          reason: 'x',
          decreeNumber: 'KEP-1',
          decidedOn: '2024-10-25',
          type: 'SEDANG_TUKIN25_6',
        },
      }),
    );
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.domainCode).toBe('TRANSITION_FORBIDDEN');

    const imposed = await step(admin, 'impose', {
      occurredOn: '2024-10-28',
      reason: 'Keputusan PPK',
      decreeNumber: 'KEP-800/2024',
      decidedOn: '2024-10-28',
      type: 'SEDANG_TUKIN25_6',
    });
    expect(imposed.case.sanction?.level).toBe('sedang');
    const executed = await step(admin, 'execute', { occurredOn: '2024-11-05', reason: 'Dipotong mulai November' });
    expect(executed.case.status).toBe('sanction_executed');
    expect(executed.case.closedOn).toBe('2024-11-05');

    const timeline = await admin.cases.timeline({ regencyId: TANAH_LAUT, id });
    expect(timeline.map((e) => [e.verb, e.fromStatus, e.toStatus])).toEqual([
      ['register', null, 'received'],
      ['startVerification', 'received', 'verifying'],
      ['recommend', 'verifying', 'recommended'],
      ['impose', 'recommended', 'sanctioned'],
      ['execute', 'sanctioned', 'sanction_executed'],
    ]);
    expect(timeline[3]?.data).toMatchObject({ decreeNumber: 'KEP-800/2024', level: 'sedang' });
  });

  it('refuses an illegal transition with its reason', async () => {
    const { id } = await world.callers.tanahlaut.cases.create(newCase());
    const data = await errorData(
      world.callers.tanahlaut.cases.transition({
        regencyId: TANAH_LAUT,
        id,
        version: 1,
        verb: 'execute',
        input: { occurredOn: '2024-10-05', reason: 'x' },
      }),
    );
    expect(data.code).toBe('CONFLICT');
    expect(data.domainCode).toBe('ILLEGAL_TRANSITION');
    expect(data.message).toMatch(/DITERIMA/);
  });

  it('refuses missing fields per field', async () => {
    const { id } = await world.callers.tanahlaut.cases.create(newCase());
    await world.callers.tanahlaut.cases.transition({
      regencyId: TANAH_LAUT,
      id,
      version: 1,
      verb: 'startVerification',
      input: { occurredOn: '2024-10-04', reason: 'ok' },
    });
    const data = await errorData(
      world.callers.tanahlaut.cases.transition({
        regencyId: TANAH_LAUT,
        id,
        version: 2,
        verb: 'recommend',
        input: { occurredOn: '2024-10-05', reason: 'x' },
      }),
    );
    expect(data.code).toBe('BAD_REQUEST');
    expect(data.domainCode).toBe('MISSING_FIELDS');
    expect(Object.keys(data.fieldErrors)).toEqual(
      expect.arrayContaining(['number', 'issuedOn', 'recommendedSanction']),
    );
  });

  it('refuses a stale version and changes nothing', async () => {
    const { id } = await world.callers.tanahlaut.cases.create(newCase());
    await world.callers.tanahlaut.cases.update({
      regencyId: TANAH_LAUT,
      id,
      version: 1,
      patch: { summary: 'Diperbarui' },
    });
    const before = await auditCount();
    const stale = await errorData(
      world.callers.tanahlaut.cases.transition({
        regencyId: TANAH_LAUT,
        id,
        version: 1,
        verb: 'startVerification',
        input: { occurredOn: '2024-10-04', reason: 'ok' },
      }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(stale.domainCode).toBe('CONFLICT');
    const staleUpdate = await errorData(
      world.callers.tanahlaut.cases.update({ regencyId: TANAH_LAUT, id, version: 1, patch: { summary: 'Lagi' } }),
    );
    expect(staleUpdate.code).toBe('CONFLICT');
    const detail = await world.callers.tanahlaut.cases.get({ regencyId: TANAH_LAUT, id });
    expect(detail).toMatchObject({ status: 'received', version: 2, summary: 'Diperbarui' });
    expect(await auditCount()).toBe(before);
  });

  it('updates facts, recomputing the phase and the codes', async () => {
    const { id } = await world.callers.tanahlaut.cases.create(newCase());
    const r = await world.callers.tanahlaut.cases.update({
      regencyId: TANAH_LAUT,
      id,
      version: 1,
      patch: {
        actOn: '2024-08-01',
        unitId: fx.schoolUnit,
        provisions: [{ circularId: fx.circulars.tanahLaut, circularVersion: 1, path: 'A.2' }],
      },
    });
    expect(r.version).toBe(2);
    const detail = await world.callers.tanahlaut.cases.get({ regencyId: TANAH_LAUT, id });
    expect(detail).toMatchObject({
      phase: 'PRA_PENETAPAN',
      phaseBucket: 'before',
      codes: ['DS-08'],
      unitId: fx.schoolUnit,
    });
  });
});

describe('cases: evidence, lists, overdue', () => {
  it('adds evidence with its hash and notes it on the timeline', async () => {
    const { id } = await world.callers.operator.cases.create(newCase());
    const sha256 = 'a'.repeat(64);
    await world.callers.operator.cases.addEvidence({
      regencyId: TANAH_LAUT,
      id,
      description: 'Tangkapan layar unggahan',
      fileName: 'bukti.png',
      fileSize: 12345,
      sha256,
    });
    const detail = await world.callers.operator.cases.get({ regencyId: TANAH_LAUT, id });
    expect(detail.evidence).toMatchObject([{ fileName: 'bukti.png', fileSize: 12345, sha256 }]);
    expect(detail.events.at(-1)?.verb).toBe('evidence');
    const noHash = await errorData(
      world.callers.operator.cases.addEvidence({ regencyId: TANAH_LAUT, id, description: 'x', fileName: 'a.png' }),
    );
    expect(noHash.fieldErrors.sha256).toBeDefined();
  });

  it('lists with filters and keyset pages, and flags overdue cases', async () => {
    const { id } = await world.callers.tanahlaut.cases.create(
      newCase({ actOn: '2024-09-01', receivedOn: '2024-09-02' }),
    );
    await world.callers.tanahlaut.cases.transition({
      regencyId: TANAH_LAUT,
      id,
      version: 1,
      verb: 'startVerification',
      input: { occurredOn: '2024-09-03', reason: 'ok' },
    });
    await world.callers.tanahlaut.cases.transition({
      regencyId: TANAH_LAUT,
      id,
      version: 2,
      verb: 'recommend',
      input: {
        occurredOn: '2024-09-10',
        reason: 'Rekomendasi',
        number: 'R-9',
        issuedOn: '2024-09-09',
        recommendedSanction: 'MORAL_TERBUKA',
      },
    });
    const overdue = await world.callers.tanahlaut.cases.overdue({ regencyId: TANAH_LAUT });
    expect(overdue.rows.map((r) => r.id)).toContain(id);
    expect(overdue.rows.every((r) => r.overdue)).toBe(true);

    const recommended = await world.callers.tanahlaut.cases.list({ regencyId: TANAH_LAUT, status: ['recommended'] });
    expect(recommended.rows.map((r) => r.id)).toEqual([id]);
    const byCode = await world.callers.tanahlaut.cases.list({ regencyId: TANAH_LAUT, code: 'DS-02' });
    expect(byCode.rows.every((r) => r.codes.includes('DS-02'))).toBe(true);
    expect(byCode.rows.length).toBeGreaterThan(0);
    const search = await world.callers.tanahlaut.cases.list({ search: 'budi' });
    expect(search.rows.length).toBeGreaterThan(0);

    // A bigger page for exports, capped at 200 rows.
    const wide = await world.callers.tanahlaut.cases.list({ regencyId: TANAH_LAUT, limit: 3 });
    expect(wide.rows).toHaveLength(3);
    expect(wide.nextCursor).not.toBeNull();
    expect((await trpcError(world.callers.tanahlaut.cases.list({ regencyId: TANAH_LAUT, limit: 201 }))).code).toBe(
      'BAD_REQUEST',
    );

    // Keyset pagination visits every case once, in order.
    const all = await world.db.db.selectFrom('cases').select('id').where('regency_id', '=', TANAH_LAUT).execute();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof world.callers.tanahlaut.cases.list>> =
        await world.callers.tanahlaut.cases.list({ regencyId: TANAH_LAUT, sort: 'received_on', cursor });
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(all.length);
  });

  it('pages the cases of a code in act order, also after a case changes its act date', async () => {
    const made = [];
    for (const actOn of ['2024-10-05', '2024-10-06', '2024-10-07', '2024-10-08']) {
      made.push(await world.callers.tanahlaut.cases.create(newCase({ actOn, receivedOn: '2024-10-09' })));
    }
    const first = made[0];
    if (!first) throw new Error('no case');
    const firstCode = (await world.callers.tanahlaut.cases.get({ regencyId: TANAH_LAUT, id: first.id })).codes[0];
    if (!firstCode) throw new Error('no code');
    const code = firstCode as NonNullable<inferRouterInputs<AppRouter>['cases']['list']['code']>;
    // What the code filter must return: every case with the code, newest act first.
    const everything = await world.callers.tanahlaut.cases.list({ regencyId: TANAH_LAUT, limit: 200 });
    const expected = (rows: typeof everything.rows) => rows.filter((r) => r.codes.includes(code)).map((r) => r.id);
    const pages = async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof world.callers.tanahlaut.cases.list>> =
          await world.callers.tanahlaut.cases.list({ regencyId: TANAH_LAUT, code, limit: 2, cursor });
        seen.push(...page.rows.map((r) => r.id));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    expect(expected(everything.rows).length).toBeGreaterThanOrEqual(4);
    expect(await pages()).toEqual(expected(everything.rows));

    // The oldest of the four becomes the newest case of the code.
    await world.callers.tanahlaut.cases.update({
      regencyId: TANAH_LAUT,
      id: first.id,
      version: 1,
      patch: { actOn: '2024-11-20' },
    });
    const after = await world.callers.tanahlaut.cases.list({ regencyId: TANAH_LAUT, limit: 200 });
    expect(expected(after.rows)[0]).toBe(first.id);
    expect(await pages()).toEqual(expected(after.rows));
  });
});

describe('cases: one audit event per mutation', () => {
  it('writes exactly one audit event for create, update, transition, evidence', async () => {
    const caller = world.callers.tanahlaut;
    let n = await auditCount();
    const { id } = await caller.cases.create(newCase());
    expect(await auditCount()).toBe(++n);
    await caller.cases.update({ regencyId: TANAH_LAUT, id, version: 1, patch: { summary: 'x y z' } });
    expect(await auditCount()).toBe(++n);
    await caller.cases.transition({
      regencyId: TANAH_LAUT,
      id,
      version: 2,
      verb: 'startVerification',
      input: { occurredOn: '2024-10-04', reason: 'ok' },
    });
    expect(await auditCount()).toBe(++n);
    await caller.cases.addEvidence({
      regencyId: TANAH_LAUT,
      id,
      description: 'Tautan',
      url: 'https://example.org/p/1',
    });
    expect(await auditCount()).toBe(++n);
    const actions = await world.db.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['case.create', 'case.update', 'case.transition.startVerification']);
  });
});

describe('cases: tenant isolation', () => {
  let bintanCase: string;
  beforeAll(async () => {
    const created = await world.callers.bintan.cases.create(
      newCase({
        regencyId: BINTAN,
        unitId: world.units.bintan,
        subject: { ...newCase().subject, name: 'Rahasia Bintan' },
        provisions: [{ circularId: fx.circulars.bintan, circularVersion: 1, path: 'A.2' }],
      }),
    );
    bintanCase = created.id;
  });

  it('gives Tanah Laut NOT_FOUND for every procedure on a Bintan case', async () => {
    const tl = world.callers.tanahlaut;
    for (const regencyId of [TANAH_LAUT, BINTAN]) {
      const calls: (() => Promise<unknown>)[] = [
        () => tl.cases.get({ regencyId, id: bintanCase }),
        () => tl.cases.timeline({ regencyId, id: bintanCase }),
        () => tl.cases.update({ regencyId, id: bintanCase, version: 1, patch: { summary: 'x' } }),
        () =>
          tl.cases.transition({
            regencyId,
            id: bintanCase,
            version: 1,
            verb: 'startVerification',
            input: { occurredOn: '2024-10-04', reason: 'x' },
          }),
        () => tl.cases.addEvidence({ regencyId, id: bintanCase, description: 'x', url: 'https://example.org' }),
      ];
      for (const call of calls) expect((await trpcError(call())).code).toBe('NOT_FOUND');
    }
    expect((await trpcError(tl.cases.list({ regencyId: BINTAN }))).code).toBe('NOT_FOUND');
    expect((await trpcError(tl.cases.overdue({ regencyId: BINTAN }))).code).toBe('NOT_FOUND');
    const unchanged = await world.callers.bintan.cases.get({ regencyId: BINTAN, id: bintanCase });
    expect(unchanged).toMatchObject({ version: 1, status: 'received', evidence: [] });
  });

  it('never lists Bintan rows for Tanah Laut, and lists both for the national admin', async () => {
    const tl = await world.callers.tanahlaut.cases.list({});
    expect(tl.rows.length).toBeGreaterThan(0);
    expect(tl.rows.every((r) => r.regencyId === TANAH_LAUT)).toBe(true);
    expect(JSON.stringify(tl)).not.toContain('Rahasia Bintan');
    const national = await world.callers.nasional.cases.list({ search: 'Rahasia Bintan' });
    expect(national.rows.map((r) => r.id)).toEqual([bintanCase]);
  });

  it('keeps analysts out of every case procedure', async () => {
    const an = world.callers.analis;
    const calls: (() => Promise<unknown>)[] = [
      () => an.cases.list({}),
      () => an.cases.overdue({}),
      () => an.cases.get({ regencyId: BINTAN, id: bintanCase }),
      () => an.cases.timeline({ regencyId: BINTAN, id: bintanCase }),
      () => an.cases.create(newCase({ regencyId: BINTAN })),
      () => an.cases.update({ regencyId: BINTAN, id: bintanCase, version: 1, patch: { summary: 'x' } }),
      () =>
        an.cases.transition({
          regencyId: BINTAN,
          id: bintanCase,
          version: 1,
          verb: 'cancel',
          input: { occurredOn: '2024-10-04', reason: 'x' },
        }),
      () => an.cases.addEvidence({ regencyId: BINTAN, id: bintanCase, description: 'x', url: 'https://example.org' }),
    ];
    for (const call of calls) expect((await trpcError(call())).code).toBe('FORBIDDEN');
  });
});
