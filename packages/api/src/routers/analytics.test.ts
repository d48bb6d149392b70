import { summarize } from '@netral/db/queries/analytics';
import { rebuildRollups } from '@netral/db/queries/rollups';
import { type inferRouterInputs, TRPCError } from '@trpc/server';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../context';
import type { AppRouter } from '../router';
import { BINTAN, createTestContext, createTestWorld, TANAH_LAUT, type TestWorld } from '../testing';
import { type CaseFixtures, insertCaseFixtures, VALID_NIP } from './cases/test-fixtures';

let world: TestWorld;
let fx: CaseFixtures;

const NAMES = ['Andi Wijaya', 'Budi Santoso', 'Citra Lestari', 'Dewi Anggraini', 'Eko Prasetyo'];

/** Deterministic pseudo-random numbers, so a failure is reproducible. */
function lcg(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/**
 * A few dozen cases through the API in both regencies, walked to different statuses, so that
 * every rollup dimension has several keys and some cells count 1 or 2.
 */
async function loadCases(): Promise<void> {
  const random = lcg(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const regencies = [
    { regencyId: TANAH_LAUT, caller: world.callers.tanahlaut, units: [world.units.tanahLaut, fx.schoolUnit, null] },
    { regencyId: BINTAN, caller: world.callers.bintan, units: [world.units.bintan, null] },
  ];
  for (let i = 0; i < 36; i++) {
    const r = i % 3 === 2 ? regencies[1] : regencies[0];
    if (!r) continue;
    const contest = random() < 0.7 ? 'PILKADA_2024' : 'PEMILU_2024';
    const actOn =
      contest === 'PILKADA_2024'
        ? `2024-${pick(['07', '08', '09', '10', '11'])}-${pick(['03', '12', '24'])}`
        : `${pick(['2023-10', '2023-12', '2024-01'])}-${pick(['05', '15', '27'])}`;
    const circularId = r.regencyId === TANAH_LAUT ? fx.circulars.tanahLaut : fx.circulars.bintan;
    const paths = random() < 0.3 ? ['A.1', 'A.3'] : [pick(['A.1', 'A.2', 'A.3'])];
    const unitId = pick(r.units);
    const { id } = await r.caller.cases.create({
      regencyId: r.regencyId,
      unitId,
      contest,
      actOn,
      receivedOn: actOn,
      subject: {
        name: pick(NAMES),
        nip: VALID_NIP,
        employmentType: 'PNS',
        positionClass: pick(['jpt', 'fungsional', 'pelaksana', 'administrator'] as const),
      },
      provisions: paths.map((path) => ({ circularId, circularVersion: 1, path })),
      // Some cases carry two codes of one family and list (DS-09, DS-10: TIM, disiplin).
      prohibitionCodes: i % 5 === 4 ? ['DS-09', 'DS-10', 'KE-06'] : null,
      source: 'bawaslu_finding',
      summary: 'Kasus uji',
      reporter: { name: 'Pelapor Uji', channel: 'bawaslu' },
    });
    const steps = Math.floor(random() * 6);
    let version = 1;
    const go = async (verb: string, input: Record<string, unknown>) => {
      const res = await r.caller.cases.transition({ regencyId: r.regencyId, id, version, verb: verb as never, input });
      version = res.case.version;
    };
    const d = actOn;
    if (steps === 1) await go('reject', { occurredOn: d, reason: 'Tidak lengkap', ground: 'formal' });
    if (steps >= 2) await go('startVerification', { occurredOn: d, reason: 'Verifikasi' });
    if (steps === 2 && random() < 0.5) await go('notProven', { occurredOn: d, reason: 'Tidak terbukti' });
    if (steps >= 3) {
      await go('recommend', {
        occurredOn: d,
        reason: 'Rekomendasi',
        number: `R-${i}`,
        issuedOn: d,
        recommendedSanction: 'MORAL_TERBUKA',
      });
    }
    if (steps === 3 && random() < 0.3) await go('lapse', { occurredOn: d, reason: 'Pensiun', ground: 'retired' });
    if (steps >= 4) {
      await go('impose', {
        occurredOn: d,
        reason: 'Keputusan',
        decreeNumber: `K-${i}`,
        decidedOn: d,
        type: 'MORAL_TERBUKA',
      });
    }
    if (steps >= 5) await go('execute', { occurredOn: d, reason: 'Dilaksanakan' });
  }
}

beforeAll(async () => {
  world = await createTestWorld();
  fx = await insertCaseFixtures(world);
  await loadCases();
}, 120_000);
afterAll(() => world?.close());

/** Independent counts straight from `cases` (the admin, no rollups): what the dashboard must show. */
type IndependentDim =
  | 'code'
  | 'family'
  | 'regime'
  | 'regime_family'
  | 'status'
  | 'unit'
  | 'unit_kind'
  | 'phase'
  | 'bucket'
  | 'sanction_level'
  | 'position_class'
  | 'month'
  | 'week'
  | 'contest';

async function groupBy(
  dim: IndependentDim,
  where: {
    regencyIds?: string[];
    contest?: string;
    statuses?: string[];
    unitKind?: string;
    from?: string;
    to?: string;
  },
): Promise<Record<string, number>> {
  const conditions = [sql`true`];
  if (where.regencyIds) conditions.push(sql`c.regency_id = any(${where.regencyIds}::text[])`);
  if (where.contest) conditions.push(sql`c.contest = ${where.contest}`);
  if (where.statuses) conditions.push(sql`c.status = any(${where.statuses}::text[])`);
  if (where.unitKind !== undefined) conditions.push(sql`coalesce(u.kind, '') = ${where.unitKind}`);
  if (where.from) conditions.push(sql`c.act_on >= ${where.from}::date`);
  if (where.to) conditions.push(sql`c.act_on <= ${where.to}::date`);
  const key = {
    code: sql`pt.code`,
    family: sql`pt.family`,
    regime: sql`pt.regime`,
    regime_family: sql`pt.regime || ':' || pt.family`,
    status: sql`c.status`,
    unit: sql`coalesce(c.unit_id::text, '')`,
    unit_kind: sql`coalesce(u.kind, '')`,
    phase: sql`c.phase`,
    bucket: sql`c.phase_bucket`,
    sanction_level: sql`coalesce(c.sanction_level, '')`,
    position_class: sql`coalesce(c.position_class, '')`,
    month: sql`to_char(c.act_on, 'YYYY-MM-01')`,
    week: sql`to_char(date_trunc('week', c.act_on), 'YYYY-MM-DD')`,
    contest: sql`c.contest`,
  }[dim];
  const codeJoin =
    dim === 'code' || dim === 'family' || dim === 'regime' || dim === 'regime_family'
      ? sql`join case_codes cc on cc.case_id = c.id join prohibition_types pt on pt.code = regexp_replace(cc.code, '[a-z]$', '')`
      : sql``;
  const rows = await sql<{ key: string; n: number }>`
    select ${key} as key, count(distinct c.id)::int as n
      from cases c left join units u on u.id = c.unit_id ${codeJoin}
     where ${sql.join(conditions, sql` and `)}
     group by 1`.execute(world.db.db);
  return Object.fromEntries(rows.rows.map((r) => [r.key, r.n]));
}

function cells(list: { key: string; n: number | null }[]): Record<string, number> {
  return Object.fromEntries(list.map((c) => [c.key, c.n ?? -1]));
}

describe('analytics: rollups equal a GROUP BY over cases', () => {
  type SummaryInput = NonNullable<inferRouterInputs<AppRouter>['analytics']['summary']>;
  const filters: { name: string; input: SummaryInput; where: Parameters<typeof groupBy>[1] }[] = [
    { name: 'national', input: {}, where: {} },
    { name: 'one regency', input: { regencyIds: [TANAH_LAUT] }, where: { regencyIds: [TANAH_LAUT] } },
    { name: 'province 21', input: { provinceCode: '21' }, where: { regencyIds: [BINTAN] } },
    { name: 'contest', input: { contest: 'PILKADA_2024' }, where: { contest: 'PILKADA_2024' } },
    {
      name: 'statuses',
      input: { status: ['recommended', 'sanctioned', 'sanction_executed'] },
      where: { statuses: ['recommended', 'sanctioned', 'sanction_executed'] },
    },
    { name: 'unit kind', input: { unitKind: 'sekolah' }, where: { unitKind: 'sekolah' } },
    { name: 'no unit', input: { unitKind: '' }, where: { unitKind: '' } },
    {
      name: 'months + statuses',
      input: { from: '2024-08', to: '2024-10-15', status: ['received', 'verifying'] },
      where: { from: '2024-08-01', to: '2024-10-31', statuses: ['received', 'verifying'] },
    },
    {
      name: 'province + contest + months + kind',
      input: { provinceCode: '63', contest: 'PILKADA_2024', from: '2024-09-01', to: '2024-11', unitKind: 'dinas' },
      where: {
        regencyIds: [TANAH_LAUT],
        contest: 'PILKADA_2024',
        from: '2024-09-01',
        to: '2024-11-30',
        unitKind: 'dinas',
      },
    },
  ];
  for (const f of filters) {
    it(`matches for the filter: ${f.name}`, async () => {
      const summary = await world.callers.nasional.analytics.summary(f.input);
      for (const dim of [
        'code',
        'family',
        'regime',
        'regime_family',
        'status',
        'unit',
        'unit_kind',
        'phase',
        'bucket',
        'sanction_level',
        'position_class',
        'month',
        'week',
        'contest',
      ] as const) {
        expect(cells(summary.breakdowns[dim]), dim).toEqual(await groupBy(dim, f.where));
      }
      const total = Object.values(await groupBy('status', f.where)).reduce((a, b) => a + b, 0);
      expect(summary.headline.reported.n).toBe(total);
    });
  }

  it('refuses a status filter together with a unit-kind filter', async () => {
    const error = await world.callers.nasional.analytics
      .summary({ status: ['received'], unitKind: 'dinas' })
      .catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
  });

  it('has headline figures as defined (proven, sanctioned, follow-up, overdue)', async () => {
    const summary = await world.callers.nasional.analytics.summary({});
    const r = await sql<{ proven: number; sanctioned: number; recommended: number; followed: number; overdue: number }>`
      select
        count(*) filter (where status in ('recommended','ppk_examination','blocked','sanctioned','sanction_executed')
                           or (status = 'lapsed' and recommendation_number is not null))::int as proven,
        count(*) filter (where status in ('sanctioned','sanction_executed'))::int as sanctioned,
        count(*) filter (where recommendation_number is not null)::int as recommended,
        count(*) filter (where recommendation_number is not null and status in ('sanctioned','sanction_executed'))::int as followed,
        count(*) filter (where status in ('recommended','ppk_examination') and ppk_deadline < current_date)::int as overdue
      from cases`.execute(world.db.db);
    const expected = r.rows[0];
    expect(expected?.recommended).toBeGreaterThan(0);
    expect(summary.headline).toMatchObject({
      proven: { n: expected?.proven },
      sanctioned: { n: expected?.sanctioned },
      recommended: { n: expected?.recommended },
      followedUp: { n: expected?.followed },
      overdue: { n: expected?.overdue },
    });
    expect(summary.headline.followUpRate).toBeCloseTo((expected?.followed ?? 0) / (expected?.recommended ?? 1));
  });

  it('rebuildRollups reproduces exactly the rows kept incrementally', async () => {
    const snapshot = async () =>
      (
        await sql<{ row: string }>`
          select concat_ws('|', status, unit_kind, regency_id, contest, period, dim, key, n) as row
            from case_rollup where n <> 0 order by 1`.execute(world.db.db)
      ).rows.map((r) => r.row);
    const incremental = await snapshot();
    expect(incremental.length).toBeGreaterThan(100);
    await world.db.withAdmin((trx) => rebuildRollups(trx));
    expect(await snapshot()).toEqual(incremental);
  });

  it('lists the cases behind a number for casework roles', async () => {
    const summary = await world.callers.tanahlaut.analytics.summary({});
    const code = summary.breakdowns.code[0];
    if (!code) throw new Error('no codes');
    const behind = await world.callers.tanahlaut.analytics.cases({ filter: {}, dim: 'code', key: code.key });
    expect(behind.mode).toBe('casework');
    expect(behind.total).toBe(code.n);
    expect(behind.rows).toHaveLength(code.n ?? 0);
    const proven = await world.callers.tanahlaut.analytics.cases({ filter: {}, dim: 'flag', key: 'proven' });
    expect(proven.rows).toHaveLength(summary.headline.proven.n ?? 0);
  });
});

describe('analytics: contests compared on their campaigns', () => {
  /** First campaign days (DOMAIN.md §6), written out here rather than read from the code under test. */
  const CAMPAIGN_START = { PEMILU_2024: '2023-11-28', PILKADA_2024: '2024-09-25' } as const;

  /** Cases per week counted from the ISO week (Monday) of the first campaign day, straight from `cases`. */
  async function weeksFromCampaign(
    contest: keyof typeof CAMPAIGN_START,
    where: { regencyIds?: string[]; statuses?: string[]; unitKind?: string; from?: string; to?: string },
  ): Promise<Record<string, number>> {
    const conditions = [sql`c.contest = ${contest}`];
    if (where.regencyIds) conditions.push(sql`c.regency_id = any(${where.regencyIds}::text[])`);
    if (where.statuses) conditions.push(sql`c.status = any(${where.statuses}::text[])`);
    if (where.unitKind !== undefined) conditions.push(sql`coalesce(u.kind, '') = ${where.unitKind}`);
    if (where.from) conditions.push(sql`c.act_on >= ${where.from}::date`);
    if (where.to) conditions.push(sql`c.act_on <= ${where.to}::date`);
    const rows = await sql<{ key: string; n: number }>`
      select floor((c.act_on - date_trunc('week', ${CAMPAIGN_START[contest]}::date)::date)::numeric / 7)::int::text as key,
             count(*)::int as n
        from cases c left join units u on u.id = c.unit_id
       where ${sql.join(conditions, sql` and `)}
       group by 1`.execute(world.db.db);
    return Object.fromEntries(rows.rows.map((r) => [r.key, r.n]));
  }

  const filters: {
    name: string;
    input: NonNullable<inferRouterInputs<AppRouter>['analytics']['summary']>;
    where: Parameters<typeof weeksFromCampaign>[1];
  }[] = [
    { name: 'national', input: {}, where: {} },
    { name: 'one regency', input: { regencyIds: [BINTAN] }, where: { regencyIds: [BINTAN] } },
    {
      name: 'statuses',
      input: { status: ['received', 'verifying', 'sanction_executed'] },
      where: { statuses: ['received', 'verifying', 'sanction_executed'] },
    },
    {
      name: 'province + unit kind + months (and a contest, ignored)',
      input: { provinceCode: '63', unitKind: 'dinas', from: '2023-11', to: '2024-10-02', contest: 'PEMILU_2024' },
      where: { regencyIds: [TANAH_LAUT], unitKind: 'dinas', from: '2023-11-01', to: '2024-10-31' },
    },
  ];
  for (const f of filters) {
    it(`aligns weeks, phases and buckets with a count over cases: ${f.name}`, async () => {
      const out = await world.callers.nasional.analytics.compare({
        contests: ['PEMILU_2024', 'PILKADA_2024'],
        filter: f.input,
      });
      expect(out.contests.map((c) => c.contest)).toEqual(['PEMILU_2024', 'PILKADA_2024']);
      for (const series of out.contests) {
        const contest = series.contest as keyof typeof CAMPAIGN_START;
        const where = { ...f.where, contest };
        expect(series.campaign.start).toBe(CAMPAIGN_START[contest]);
        expect(Object.fromEntries(series.weeks.map((w) => [String(w.index), w.n])), `${contest} weeks`).toEqual(
          await weeksFromCampaign(contest, f.where),
        );
        expect(cells(series.phase), `${contest} phases`).toEqual(await groupBy('phase', where));
        expect(cells(series.bucket), `${contest} buckets`).toEqual(await groupBy('bucket', where));
        const total = Object.values(await groupBy('contest', where)).reduce((a, b) => a + b, 0);
        expect(series.total.n).toBe(total);
        // Week 0 holds the first campaign day; indices ascend.
        expect(series.weekZero <= CAMPAIGN_START[contest]).toBe(true);
        expect(series.weeks.map((w) => w.index)).toEqual([...series.weeks.map((w) => w.index)].sort((a, b) => a - b));
      }
    });
  }

  it('orders phases along the timeline and suppresses small counts for analysts', async () => {
    const recent = await world.callers.nasional.analytics.compare({ filter: {} });
    expect(recent.contests.map((c) => c.contest)).toEqual(['PILKADA_2024', 'PEMILU_2024']);
    const national = await world.callers.nasional.analytics.compare({ contests: ['PILKADA_2024'], filter: {} });
    const analyst = await world.callers.analis.analytics.compare({ contests: ['PILKADA_2024'], filter: {} });
    const order = ['PRA_PENETAPAN', 'ANTARA_PENETAPAN_DAN_KAMPANYE', 'KAMPANYE', 'MASA_TENANG', 'PEMUNGUTAN', 'PASCA'];
    const phases = national.contests[0]?.phase.map((c) => c.key) ?? [];
    expect(phases).toEqual(order.filter((p) => phases.includes(p)));
    let small = 0;
    const seen = new Map(analyst.contests[0]?.weeks.map((w) => [w.index, w]));
    for (const w of national.contests[0]?.weeks ?? []) {
      if (w.n !== null && w.n < 3) {
        small++;
        expect(seen.get(w.index)).toEqual({ ...w, n: null, suppressed: true });
      } else expect(seen.get(w.index)).toEqual(w);
    }
    expect(small).toBeGreaterThan(0);
  });

  it('refuses an unknown contest with a clear error', async () => {
    const error = await world.callers.analis.analytics
      .compare({ contests: ['PILKADA_2099'], filter: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).not.toBe('INTERNAL_SERVER_ERROR');
    expect((error as TRPCError).message).toContain('PILKADA_2099');
  });
});

describe('analytics: unit names', () => {
  it('names the regency of a unit when the scope spans several', async () => {
    const national = await world.callers.nasional.analytics.summary({});
    const labels = national.breakdowns.unit.filter((c) => c.key !== '').map((c) => c.label);
    expect(labels).toContain('Dinas Pendidikan · Kabupaten Tanah Laut');
    expect(labels).toContain('Dinas Kesehatan · Kabupaten Bintan');
    const own = await world.callers.tanahlaut.analytics.breakdown({ dim: 'unit', filter: {} });
    expect(own.cells.find((c) => c.key === world.units.tanahLaut)?.label).toBe('Dinas Pendidikan');
  });

  it('keeps the most counted units of a summary, named, and says how many there were', async () => {
    const all = (await world.callers.nasional.analytics.breakdown({ dim: 'unit', filter: {} })).cells;
    expect(all.length).toBeGreaterThan(2);
    const top = await world.db.withTenant('all', (trx) =>
      summarize(trx, { regencyIds: 'all' }, { today: '2026-11-23', suppress: false, unitLimit: 2 }),
    );
    expect(top.breakdowns.unit).toEqual(all.slice(0, 2));
    expect(top.truncated).toEqual({ unit: all.length });
    const whole = await world.db.withTenant('all', (trx) =>
      summarize(trx, { regencyIds: 'all' }, { today: '2026-11-23', suppress: false, unitLimit: all.length }),
    );
    expect(whole.breakdowns.unit).toEqual(all);
    expect(whole.truncated).toEqual({});
  });
});

describe('analytics: kode etik and disiplin within a family', () => {
  it('counts a case with two codes of one family and list once', async () => {
    const summary = await world.callers.nasional.analytics.summary({});
    const byKey = cells(summary.breakdowns.regime_family);
    const codes = cells(summary.breakdowns.code);
    expect(byKey['disiplin:TIM']).toBeGreaterThan(0);
    // DS-09 and DS-10 are both TIM/disiplin and always come together here: summing codes would double.
    expect(byKey['disiplin:TIM']).toBe(codes['DS-09']);
    expect((codes['DS-09'] ?? 0) + (codes['DS-10'] ?? 0)).toBe(2 * (byKey['disiplin:TIM'] ?? 0));
  });

  it('lists the cases behind a family of one list', async () => {
    const summary = await world.callers.tanahlaut.analytics.summary({ contest: 'PILKADA_2024' });
    for (const c of summary.breakdowns.regime_family) {
      const behind = await world.callers.tanahlaut.analytics.cases({
        filter: { contest: 'PILKADA_2024' },
        dim: 'regime_family',
        key: c.key,
      });
      expect(behind.total, c.key).toBe(c.n);
      expect(behind.rows, c.key).toHaveLength(c.n ?? 0);
    }
  });
});

describe('analytics: scope and privacy', () => {
  it('counts only the caller’s regencies and refuses others', async () => {
    const tl = await world.callers.tanahlaut.analytics.summary({});
    expect(tl.scope).toEqual({ regencyIds: [TANAH_LAUT], deidentified: false });
    const expected = Object.values(await groupBy('status', { regencyIds: [TANAH_LAUT] })).reduce((a, b) => a + b, 0);
    expect(tl.headline.reported.n).toBe(expected);
    for (const call of [
      () => world.callers.tanahlaut.analytics.summary({ regencyIds: [BINTAN] }),
      () => world.callers.tanahlaut.analytics.breakdown({ dim: 'code', filter: { regencyIds: [BINTAN] } }),
      () => world.callers.tanahlaut.analytics.cases({ filter: { regencyIds: [BINTAN] }, dim: 'total', key: '' }),
    ]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe('FORBIDDEN');
    }
    const behind = await world.callers.tanahlaut.analytics.cases({ filter: {}, dim: 'total', key: '' });
    expect(behind.rows.every((r) => r.regencyId === TANAH_LAUT)).toBe(true);
    // Bintan's province is outside the scope: nothing, not an error.
    const province = await world.callers.tanahlaut.analytics.summary({ provinceCode: '21' });
    expect(province.headline.reported.n).toBe(0);
  });

  it('suppresses counts of 1–2 for analysts and shows them to casework roles', async () => {
    const national = await world.callers.nasional.analytics.summary({});
    const analyst = await world.callers.analis.analytics.summary({});
    expect(analyst.scope.deidentified).toBe(true);
    let small = 0;
    for (const dim of Object.keys(national.breakdowns) as (keyof typeof national.breakdowns)[]) {
      const byKey = new Map(analyst.breakdowns[dim]?.map((c) => [c.key, c]));
      for (const c of national.breakdowns[dim] ?? []) {
        const seen = byKey.get(c.key);
        if (c.n !== null && c.n < 3) {
          small++;
          expect(seen, `${dim} ${c.key}`).toEqual({ ...c, n: null, suppressed: true });
        } else {
          expect(seen, `${dim} ${c.key}`).toEqual(c);
        }
      }
    }
    expect(small).toBeGreaterThan(0);
    const cell = analyst.breakdowns.week.find((c) => c.suppressed);
    if (!cell) throw new Error('expected a suppressed week');
    const behind = await world.callers.analis.analytics.cases({ filter: {}, dim: 'week', key: cell.key });
    expect(behind).toMatchObject({ mode: 'anonymous', suppressed: true, total: null, rows: [] });
  });

  it('gives analysts no personal fields anywhere', async () => {
    const an = world.callers.analis;
    const outputs = [
      await an.analytics.summary({}),
      await an.analytics.breakdown({ dim: 'unit', filter: {} }),
      await an.analytics.cases({ filter: {}, dim: 'total', key: '' }),
      await an.analytics.cases({ filter: { regencyIds: [BINTAN] }, dim: 'flag', key: 'recommended' }),
    ];
    const behind = outputs[2] as { mode: string; rows: Record<string, unknown>[] };
    expect(behind.mode).toBe('anonymous');
    expect(behind.rows.length).toBeGreaterThan(0);
    expect(Object.keys(behind.rows[0] ?? {}).sort()).toEqual(
      [
        'actMonth',
        'codes',
        'contest',
        'phase',
        'phaseBucket',
        'positionClass',
        'regencyId',
        'sanctionLevel',
        'status',
        'unitKind',
      ].sort(),
    );
    const text = JSON.stringify(outputs);
    for (const secret of [...NAMES, VALID_NIP, 'Pelapor Uji']) expect(text).not.toContain(secret);
  });

  it('limits a province analyst to that province', async () => {
    const user: SessionUser = {
      ...world.users.analis,
      grants: [{ role: 'analyst', regencyId: null, provinceCode: '63' }],
    };
    const caller = world.callerFor(createTestContext(world.db, user));
    const summary = await caller.analytics.summary({});
    expect(summary.scope).toEqual({ regencyIds: [TANAH_LAUT], deidentified: true });
    const error = await caller.analytics.summary({ regencyIds: [BINTAN] }).catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe('FORBIDDEN');
  });
});
