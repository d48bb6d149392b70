import { parseNip } from '@netral/domain/nip';
import { sanctionTypes } from '@netral/domain/taxonomy';
import { type CaseStatus, type TransitionVerb, transitions } from '@netral/domain/workflow';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../testing';
import { DEMO_PASSWORD, type DemoLogin, seedIfEmpty } from './demo';
import { CaseFactory, generateDemoCases, loadGenerationContext } from './generate';

/** Stands in for argon2 (which lives in the server): reversible, so the test sees what was hashed. */
const hashPassword = async (password: string) => `test-hash:${password}`;

let t: TestDb;
let logins: DemoLogin[];
let messages: string[];

beforeAll(async () => {
  t = await createTestDb();
  messages = [];
  logins = await seedIfEmpty(t, { hashPassword, log: (m) => messages.push(m) });
}, 120_000);
afterAll(() => t?.close());

async function count(query: string): Promise<number> {
  const { rows } = await sql.raw<{ n: number }>(query).execute(t.db);
  return Number(rows[0]?.n);
}

describe('seedDemo (through seedIfEmpty on an empty database)', () => {
  it('creates one user per role with the demo password, hashed', async () => {
    expect(logins.map((l) => l.username).sort()).toEqual(
      ['analis', 'bintan', 'nasional', 'operator.tanahlaut', 'tanahlaut'].sort(),
    );
    expect(logins.every((l) => l.password === DEMO_PASSWORD)).toBe(true);
    const grants = await t.db
      .selectFrom('users as u')
      .innerJoin('user_roles as r', 'r.user_id', 'u.id')
      .select(['u.username', 'u.password_hash', 'r.role', 'r.regency_id', 'r.province_code'])
      .orderBy('u.username')
      .execute();
    expect(grants.map(({ password_hash: _, ...g }) => g)).toEqual([
      { username: 'analis', role: 'analyst', regency_id: null, province_code: null },
      { username: 'bintan', role: 'regency_admin', regency_id: '21.01', province_code: null },
      { username: 'nasional', role: 'national_admin', regency_id: null, province_code: null },
      { username: 'operator.tanahlaut', role: 'regency_officer', regency_id: '63.01', province_code: null },
      { username: 'tanahlaut', role: 'regency_admin', regency_id: '63.01', province_code: null },
    ]);
    expect(grants.every((g) => g.password_hash === `test-hash:${DEMO_PASSWORD}`)).toBe(true);
  });

  it('loads the taxonomy, both contests and the regencies of the two real circulars', async () => {
    expect(
      await count(
        `select count(*) as n from prohibition_types where code in ('KE-01', 'DS-13', 'PP94-5N-7', 'EX-08', 'KE-05a')`,
      ),
    ).toBe(5);
    expect(await count(`select count(*) as n from contests where code in ('PEMILU_2024', 'PILKADA_2024')`)).toBe(2);
    const regencies = await t.db.selectFrom('regencies').select(['id', 'name', 'province_code']).execute();
    expect(regencies).toEqual(
      expect.arrayContaining([
        { id: '63.01', name: 'Kabupaten Tanah Laut', province_code: '63' },
        { id: '21.01', name: 'Kabupaten Bintan', province_code: '21' },
        { id: '73.71', name: 'Kota Makassar', province_code: '73' },
      ]),
    );
    expect(regencies.length).toBeGreaterThanOrEqual(22);
  });

  it('publishes both real circulars with their provisions', async () => {
    const circulars = await t.db
      .selectFrom('circulars as c')
      .leftJoin('provisions as p', 'p.circular_id', 'c.id')
      .select(['c.regency_id', 'c.number', 'c.status', (eb) => eb.fn.count<number>('p.path').as('provisions')])
      .groupBy(['c.regency_id', 'c.number', 'c.status'])
      .orderBy('c.regency_id')
      .execute();
    expect(circulars).toEqual([
      { regency_id: '21.01', number: '13/2023', status: 'published', provisions: 16 },
      { regency_id: '63.01', number: '863/0321/BKPSDM/2023', status: 'published', provisions: 15 },
    ]);
  });

  it('creates the work units of Tanah Laut and Bintan and generic ones elsewhere', async () => {
    const names = async (regencyId: string) =>
      (await t.db.selectFrom('units').select('name').where('regency_id', '=', regencyId).execute()).map((u) => u.name);
    expect(await names('63.01')).toEqual(
      expect.arrayContaining(['Sekretariat Daerah', 'Inspektorat', 'Kecamatan Pelaihari', 'RSUD Hadji Boejasin']),
    );
    expect(await names('21.01')).toEqual(
      expect.arrayContaining(['Kecamatan Bintan Timur', 'Kecamatan Gunung Kijang', 'RSUD Bintan']),
    );
    expect(await names('74.71')).toEqual(expect.arrayContaining(['Dinas Pendidikan', 'Kecamatan Mandonga']));
  });

  it('generates cases whose shares fall in the demo ranges of DOMAIN.md §7', async () => {
    const total = await count('select count(*) as n from cases');
    expect(total).toBe(2000);
    const share = async (where: string) => (await count(`select count(*) as n from cases where ${where}`)) / total;
    // Proven as the rollups define it: a stage that presupposes a finding, or lapsed after a recommendation.
    const provenWhere = `(status in ('recommended', 'ppk_examination', 'blocked', 'sanctioned', 'sanction_executed')
      or (status = 'lapsed' and recommendation_number is not null))`;
    const proven = await share(provenWhere);
    const sanctioned = await share(`status in ('sanctioned', 'sanction_executed')`);
    expect(proven).toBeGreaterThanOrEqual(0.45);
    expect(proven).toBeLessThanOrEqual(0.8);
    expect(sanctioned / proven).toBeGreaterThanOrEqual(0.5);
    expect(sanctioned / proven).toBeLessThanOrEqual(0.9);

    const social = await share(`exists (select 1 from case_codes cc join prohibition_types pt on pt.code = cc.code
      where cc.case_id = cases.id and pt.family in ('MEDSOS', 'AKUN'))`);
    expect(social).toBeGreaterThanOrEqual(0.27);
    expect(social).toBeLessThanOrEqual(0.45);

    const byClass = async (c: string) => share(`position_class = '${c}'`);
    const fungsional = await byClass('fungsional');
    expect(fungsional).toBeGreaterThanOrEqual(0.22);
    expect(fungsional).toBeLessThanOrEqual(0.28);
    const jpt = await byClass('jpt');
    expect(jpt).toBeGreaterThanOrEqual(0.15);
    expect(jpt).toBeLessThanOrEqual(0.25);
    const pelaksana = await byClass('pelaksana');
    expect(pelaksana).toBeGreaterThanOrEqual(0.15);
    expect(pelaksana).toBeLessThanOrEqual(0.18);
    const administrator = await byClass('administrator');
    expect(administrator).toBeGreaterThanOrEqual(0.1);
    expect(administrator).toBeLessThanOrEqual(0.15);
    const pengawas = await byClass('pengawas');
    expect(pengawas).toBeGreaterThanOrEqual(0.1);
    expect(pengawas).toBeLessThanOrEqual(0.14);
    const kepalaWilayah = await byClass('kepala_wilayah');
    expect(kepalaWilayah).toBeGreaterThanOrEqual(0.07);
    expect(kepalaWilayah).toBeLessThanOrEqual(0.17);

    const before = await share(`phase_bucket = 'before'`);
    expect(before).toBeGreaterThanOrEqual(0.4);
    expect(before).toBeLessThanOrEqual(0.6);

    const levels = await t.db
      .selectFrom('cases')
      .select(['sanction_level', (eb) => eb.fn.countAll<number>().as('n')])
      .where('sanction_level', 'in', ['ringan', 'sedang', 'berat', 'ptdh'])
      .groupBy('sanction_level')
      .orderBy('n', 'desc')
      .execute();
    expect(levels[0]?.sanction_level).toBe('sedang');

    const contests = await t.db
      .selectFrom('cases')
      .select(['contest', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('contest')
      .orderBy('contest')
      .execute();
    expect(contests.map((c) => c.contest)).toEqual(['PEMILU_2024', 'PILKADA_2024']);
    expect(Math.min(...contests.map((c) => c.n))).toBeGreaterThan(total * 0.3);
  });

  it('spreads act dates over each contest timeline with phases that match them', async () => {
    const spans = await t.db
      .selectFrom('cases')
      .select(['contest', 'phase', (eb) => eb.fn.min('act_on').as('first'), (eb) => eb.fn.max('act_on').as('last')])
      .groupBy(['contest', 'phase'])
      .execute();
    const pemiluCampaign = spans.find((s) => s.contest === 'PEMILU_2024' && s.phase === 'KAMPANYE');
    expect([pemiluCampaign?.first, pemiluCampaign?.last]).toEqual([expect.any(String), expect.any(String)]);
    expect(String(pemiluCampaign?.first) >= '2023-11-28' && String(pemiluCampaign?.last) <= '2024-02-10').toBe(true);
    const pilkadaCampaign = spans.find((s) => s.contest === 'PILKADA_2024' && s.phase === 'KAMPANYE');
    expect(String(pilkadaCampaign?.first) >= '2024-09-25' && String(pilkadaCampaign?.last) <= '2024-11-23').toBe(true);
    expect(new Set(spans.map((s) => s.phase))).toEqual(
      new Set(['PRA_PENETAPAN', 'ANTARA_PENETAPAN_DAN_KAMPANYE', 'KAMPANYE', 'MASA_TENANG', 'PEMUNGUTAN', 'PASCA']),
    );
  });

  it('gives every subject a valid identity and a sanction valid for their employment', async () => {
    const cases = await t.db
      .selectFrom('cases')
      .select([
        'employment_type',
        'position_class',
        'subject_nip',
        'subject_nik',
        'status',
        'sanction_type',
        'recommended_sanction',
        'recommendation_number',
        'recommendation_issued_on',
        'decree_number',
        'decided_on',
        'act_on',
      ])
      .execute();
    for (const c of cases) {
      if (c.employment_type === 'PNS') expect(parseNip(c.subject_nip ?? '').ok, c.subject_nip ?? '').toBe(true);
      else if (c.employment_type === 'PPPK') expect(c.subject_nip).toMatch(/^\d{18}$/);
      else {
        expect(c.subject_nip).toBeNull();
        expect(c.subject_nik).toMatch(/^\d{16}$/);
        expect(c.position_class).toBe('non_asn');
      }
      if (c.status === 'sanctioned' || c.status === 'sanction_executed') {
        expect(c.recommendation_number).not.toBeNull();
        expect(c.decree_number).not.toBeNull();
        expect((c.decided_on ?? '') >= c.act_on).toBe(true);
        const type = c.sanction_type as keyof typeof sanctionTypes;
        expect(sanctionTypes[type].appliesTo as readonly string[]).toContain(c.employment_type);
      }
      if (c.recommended_sanction !== null) {
        const type = c.recommended_sanction as keyof typeof sanctionTypes;
        expect(sanctionTypes[type].appliesTo as readonly string[]).toContain(c.employment_type);
      }
    }
  });

  it('writes a timeline per case that the workflow allows and that ends in the case status', async () => {
    const events = await t.db
      .selectFrom('case_events as e')
      .innerJoin('cases as c', 'c.id', 'e.case_id')
      .select(['e.case_id', 'e.verb', 'e.from_status', 'e.to_status', 'e.occurred_on', 'c.status', 'c.received_on'])
      .orderBy('e.case_id')
      .orderBy('e.id')
      .execute();
    const byCase = new Map<string, typeof events>();
    for (const e of events) byCase.set(e.case_id, [...(byCase.get(e.case_id) ?? []), e]);
    expect(byCase.size).toBe(2000);
    for (const timeline of byCase.values()) {
      const [first, ...rest] = timeline;
      expect(first).toMatchObject({ verb: 'receive', from_status: null, to_status: 'received' });
      expect(first?.occurred_on).toBe(first?.received_on);
      let status: CaseStatus = 'received';
      let day = first?.occurred_on ?? '';
      for (const e of rest) {
        const rule = transitions[e.verb as TransitionVerb];
        expect(rule.from).toContain(status);
        expect(e.from_status).toBe(status);
        expect(e.to_status).toBe(rule.to);
        expect(e.occurred_on >= day).toBe(true);
        status = rule.to;
        day = e.occurred_on;
      }
      expect(status).toBe(timeline[0]?.status);
    }
  });

  it('cites the real circulars in Tanah Laut and Bintan, with the provisions confirmed codes', async () => {
    const rows = await t.db
      .selectFrom('cases as c')
      .leftJoin('case_provisions as cp', 'cp.case_id', 'c.id')
      .leftJoin('provisions as p', (join) =>
        join.onRef('p.circular_id', '=', 'cp.circular_id').onRef('p.path', '=', 'cp.path'),
      )
      .leftJoin('circulars as ci', 'ci.id', 'cp.circular_id')
      .select([
        'c.id',
        'c.regency_id',
        'cp.path',
        'cp.circular_version',
        'ci.version',
        'p.codes',
        (eb) =>
          eb
            .selectFrom('case_codes as cc')
            .select(sql<string[]>`array_agg(cc.code order by cc.code)`.as('codes'))
            .whereRef('cc.case_id', '=', 'c.id')
            .as('caseCodes'),
      ])
      .where('c.regency_id', 'in', ['63.01', '21.01'])
      .execute();
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) {
      expect(row.path).not.toBeNull();
      expect(row.circular_version).toBe(row.version);
      expect(row.caseCodes).toEqual([...(row.codes ?? [])].sort());
    }
    expect(new Set(rows.map((r) => r.regency_id))).toEqual(new Set(['63.01', '21.01']));
  });

  it('is idempotent: a second seedIfEmpty leaves everything as it was', async () => {
    const before = await count('select count(*) as n from cases');
    const again = await seedIfEmpty(t, { hashPassword, log: (m) => messages.push(m) });
    expect(again).toEqual([]);
    expect(await count('select count(*) as n from cases')).toBe(before);
    expect(await count('select count(*) as n from users')).toBe(5);
    expect(messages.at(-1)).toContain('seed skipped');
  });
});

describe('the case generator', () => {
  it('draws the same cases from the same seed', async () => {
    const context = await loadGenerationContext(t.db);
    const strip = ({ id: _, ...rest }: ReturnType<CaseFactory['next']>) => rest;
    const a = new CaseFactory(context, 42);
    const b = new CaseFactory(context, 42);
    const c = new CaseFactory(context, 43);
    const first = Array.from({ length: 300 }, () => strip(a.next()));
    expect(Array.from({ length: 300 }, () => strip(b.next()))).toEqual(first);
    expect(Array.from({ length: 300 }, () => strip(c.next()))).not.toEqual(first);
  });

  it('adds exactly N cases in batches and rebuilds the rollups', async () => {
    const before = await count('select count(*) as n from cases');
    const progress: number[] = [];
    const result = await generateDemoCases(t, {
      cases: 250,
      seed: 9,
      batchSize: 100,
      onProgress: (done) => progress.push(done),
    });
    expect(result.cases).toBe(250);
    expect(progress).toEqual([100, 200, 250]);
    expect(await count('select count(*) as n from cases')).toBe(before + 250);
    expect(
      await count(
        `select coalesce(sum(n), 0) as n from case_rollup where dim = 'total' and status = '*' and unit_kind = '*' and regency_id <> '*' and period = '1900-01-01'`,
      ),
    ).toBe(before + 250);
  });
});
