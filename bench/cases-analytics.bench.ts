/**
 * Case analytics benchmark against PostgreSQL: on N cases (default 1,000,000) — the shared data
 * set of `dataset.ts` (built once, reused), or cases loaded into a throwaway schema of its own —
 * measures, in the same run,
 *
 * - `analytics.summary` (headline + every breakdown) for a national analyst through a tRPC caller,
 *   read from the rollups, against the same counts computed by plain GROUP BY queries over
 *   `cases` (the baseline: what the dashboard would cost without rollups);
 * - the same for one regency with a status filter (another rollup grain);
 * - `cases.list` (50 rows, one regency, a status filter, sorted by date) through a tRPC caller.
 *
 * Targets (issue #3): summary ≥ 20× faster than the baseline and under 50 ms; list under 20 ms.
 *
 *   pnpm bench:db                                          # 1,000,000 cases, shared data set bench_1m
 *   pnpm --filter @netral/bench run bench:db -- --cases 100000
 *   DATABASE_URL=postgres://… pnpm --filter @netral/bench run bench:db -- --generator sql --regencies 40
 *
 * Options: --cases N, --runs K (summary iterations, default 30), --generator dataset|sql|seed
 * (default `dataset`: the shared schema of dataset.ts, demo generator, demo regencies, kept for
 * the next run; `--fresh` rebuilds it. `sql`: generate_series into --regencies R synthetic
 * regencies (default 40); `seed`: the demo generator; both into the throwaway schema
 * `bench_cases_analytics`, dropped at the end unless --keep).
 */
import { appRouter } from '@netral/api/router';
import { createCallerFactory } from '@netral/api/trpc';
import { createDb, type NetralDb } from '@netral/db/create-db';
import { rebuildRollups } from '@netral/db/queries/rollups';
import { contests } from '@netral/domain/phases';
import { prohibitionTypes } from '@netral/domain/taxonomy';
import { sql } from 'kysely';
import { arg, contextFor, flag, log, measure, ms, printableUrl, type Stats, timed } from './common';
import { datasetUrl, openDataset } from './dataset';

const N = Number(arg('cases', '1000000'));
const REGENCIES = Number(arg('regencies', '40'));
const RUNS = Number(arg('runs', '30'));
const KEEP = flag('keep');
const GENERATOR = arg('generator', 'dataset');
const URL = datasetUrl();
const SCHEMA = 'bench_cases_analytics';

// ---------------------------------------------------------------------------------------------
// Data

async function loadReference(netral: NetralDb): Promise<string[]> {
  return netral.withAdmin(async (trx) => {
    const provinces = Array.from({ length: Math.ceil(REGENCIES / 10) }, (_, i) => String(11 + i).padStart(2, '0'));
    await trx
      .insertInto('provinces')
      .values(provinces.map((code) => ({ code, name: `Provinsi ${code}` })))
      .execute();
    const regencies = Array.from({ length: REGENCIES }, (_, i) => {
      const province = provinces[Math.floor(i / 10)] as string;
      return { id: `${province}.${String((i % 10) + 1).padStart(2, '0')}`, province };
    });
    await trx
      .insertInto('regencies')
      .values(
        regencies.map((r) => ({ id: r.id, name: `Kabupaten ${r.id}`, kind: 'kabupaten', province_code: r.province })),
      )
      .execute();
    await trx
      .insertInto('contests')
      .values(Object.values(contests).map((c) => ({ code: c.code, data: JSON.stringify(c) })))
      .execute();
    await trx
      .insertInto('prohibition_types')
      .values(
        prohibitionTypes.map((t, i) => ({
          code: t.code,
          family: t.family,
          regime: t.regime,
          wording: t.wording,
          gloss: t.gloss,
          default_sanction_level: t.defaultSanctionLevel,
          sanction_source: t.sanctionSource,
          position: i,
        })),
      )
      .execute();
    // 25 units per regency, of the usual kinds.
    const kinds = [
      'dinas',
      'dinas',
      'dinas',
      'badan',
      'kecamatan',
      'kecamatan',
      'kelurahan',
      'sekolah',
      'sekolah',
      'rsud',
    ];
    await sql`
      insert into units (regency_id, name, kind)
      select r.id, 'Unit ' || g, (${kinds}::text[])[1 + (g % ${kinds.length})]
        from regencies r cross join generate_series(0, 24) g`.execute(trx);
    return regencies.map((r) => r.id);
  });
}

/**
 * Inserts N cases in one INSERT … SELECT over generate_series, with distributions after DOMAIN.md
 * §7 (proven ≈ 60 %, sanctioned ≈ 70 % of proven, medsos ≈ 30 %, fungsional ≈ 25 %, about half
 * before the campaign), then their codes.
 */
async function generateSql(netral: NetralDb): Promise<void> {
  await netral.withAdmin(async (trx) => {
    await sql`create temporary table bench_units on commit drop as
      select r.rn - 1 as regency_no, (row_number() over (partition by u.regency_id order by u.id)) - 1 as unit_no,
             u.id, u.regency_id
        from units u join (select id, row_number() over (order by id) as rn from regencies) r on r.id = u.regency_id`.execute(
      trx,
    );
    await sql`create index on bench_units (regency_no, unit_no)`.execute(trx);
    await sql`analyze bench_units`.execute(trx);
    await sql`
      with g as (
        select i,
               -- a few big regencies, many small ones
               floor(${REGENCIES} * power(random(), 1.6))::int as regency_no,
               floor(random() * 25)::int as unit_no,
               random() as r_contest, random() as r_date, random() as r_status, random() as r_pos,
               random() as r_level, random() as r_source
          from generate_series(1, ${N}) as i
      ),
      d as (
        select g.*, u.id as unit_id, u.regency_id,
               case when r_contest < 0.55 then 'PILKADA_2024' else 'PEMILU_2024' end as contest,
               case when r_contest < 0.55 then date '2024-05-01' + floor(r_date * 240)::int
                    else date '2023-06-01' + floor(r_date * 300)::int end as act_on,
               case
                 when r_status < 0.05 then 'received' when r_status < 0.14 then 'verifying'
                 when r_status < 0.19 then 'rejected' when r_status < 0.31 then 'not_proven'
                 when r_status < 0.33 then 'cancelled' when r_status < 0.35 then 'forwarded'
                 when r_status < 0.47 then 'recommended' when r_status < 0.53 then 'ppk_examination'
                 when r_status < 0.55 then 'blocked' when r_status < 0.69 then 'sanctioned'
                 when r_status < 0.97 then 'sanction_executed' else 'lapsed' end as status
          from g join bench_units u on u.regency_no = g.regency_no and u.unit_no = g.unit_no
      )
      insert into cases (regency_id, unit_id, contest, act_on, phase, phase_bucket, subject_name, employment_type,
                         position_class, source, summary, status, received_on, recommendation_body,
                         recommendation_number, recommendation_issued_on, recommended_sanction, ppk_deadline,
                         decree_number, decided_on, sanction_type, sanction_level, closed_on)
      select regency_id, unit_id, contest, act_on,
             case when contest = 'PEMILU_2024' then
               case when act_on < '2023-11-03' then 'PRA_PENETAPAN' when act_on < '2023-11-28' then 'ANTARA_PENETAPAN_DAN_KAMPANYE'
                    when act_on <= '2024-02-10' then 'KAMPANYE' when act_on <= '2024-02-13' then 'MASA_TENANG'
                    when act_on = '2024-02-14' then 'PEMUNGUTAN' else 'PASCA' end
             else
               case when act_on < '2024-09-22' then 'PRA_PENETAPAN' when act_on < '2024-09-25' then 'ANTARA_PENETAPAN_DAN_KAMPANYE'
                    when act_on <= '2024-11-23' then 'KAMPANYE' when act_on <= '2024-11-26' then 'MASA_TENANG'
                    when act_on = '2024-11-27' then 'PEMUNGUTAN' else 'PASCA' end
             end,
             case when (contest = 'PEMILU_2024' and act_on < '2023-11-28') or (contest = 'PILKADA_2024' and act_on < '2024-09-25') then 'before'
                  when (contest = 'PEMILU_2024' and act_on <= '2024-02-10') or (contest = 'PILKADA_2024' and act_on <= '2024-11-23') then 'during'
                  else 'after' end,
             'Terlapor ' || i, 'PNS',
             case when r_pos < 0.25 then 'fungsional' when r_pos < 0.45 then 'jpt' when r_pos < 0.62 then 'pelaksana'
                  when r_pos < 0.74 then 'administrator' when r_pos < 0.86 then 'pengawas' else 'kepala_wilayah' end,
             case when r_source < 0.4 then 'bawaslu_finding' when r_source < 0.7 then 'public_report'
                  when r_source < 0.9 then 'bawaslu_recommendation' else 'internal_finding' end,
             'Kasus bangkitan', status, act_on + 3,
             case when status in ('recommended','ppk_examination','blocked','sanctioned','sanction_executed','lapsed') then 'BKN' end,
             case when status in ('recommended','ppk_examination','blocked','sanctioned','sanction_executed','lapsed') then 'R-' || i end,
             case when status in ('recommended','ppk_examination','blocked','sanctioned','sanction_executed','lapsed') then act_on + 20 end,
             case when status in ('recommended','ppk_examination','blocked','sanctioned','sanction_executed','lapsed') then 'MORAL_TERBUKA' end,
             case when status in ('recommended','ppk_examination','blocked','sanctioned','sanction_executed','lapsed') then act_on + 45 end,
             case when status in ('sanctioned','sanction_executed') then 'KEP-' || i end,
             case when status in ('sanctioned','sanction_executed') then act_on + 40 end,
             case when status in ('sanctioned','sanction_executed') then 'MORAL_TERBUKA' end,
             case when status in ('sanctioned','sanction_executed') then
               case when r_level < 0.35 then 'moral' when r_level < 0.40 then 'ringan' when r_level < 0.75 then 'sedang'
                    when r_level < 0.95 then 'berat' else 'ptdh' end end,
             case when status in ('sanction_executed','not_proven','rejected','forwarded','cancelled','lapsed') then act_on + 60 end
        from d`.execute(trx);
    // Codes: one per case after the category shares of DOMAIN.md §7, a second for 30 %.
    const codes = [
      'KE-02',
      'DS-02',
      'KE-04',
      'DS-06',
      'DS-08',
      'KE-05',
      'DS-07',
      'KE-03',
      'DS-04',
      'DS-03',
      'KE-06',
      'DS-05',
      'DS-12',
      'KE-01',
      'DS-01',
      'DS-13',
    ];
    const weights = [16, 14, 8, 6, 20, 6, 6, 5, 5, 5, 3, 2, 1, 1, 1, 1];
    const cumulative = weights.map((_, i) => weights.slice(0, i + 1).reduce((a, b) => a + b, 0) / 100);
    await sql`
      insert into case_codes (case_id, regency_id, code)
      select distinct c.id, c.regency_id, k.code
        from (select id, regency_id, random() as r1, random() as r2, random() as r3 from cases) c
        cross join lateral (
          select (${codes}::text[])[1 + (select count(*) from unnest(${cumulative}::float8[]) w where w < c.r1)::int] as code
          union all
          select (${codes}::text[])[1 + floor(c.r2 * ${codes.length})::int] where c.r3 < 0.3
        ) k`.execute(trx);
  });
}

// ---------------------------------------------------------------------------------------------
// Measurements

/** The dashboard's counts by plain GROUP BY over cases: what the rollups replace. */
async function baselineSummary(
  netral: NetralDb,
  regencyIds: string[] | null,
  statuses: string[] | null,
): Promise<void> {
  const where = sql.join(
    [
      sql`true`,
      regencyIds ? sql`c.regency_id = any(${regencyIds}::text[])` : sql`true`,
      statuses ? sql`c.status = any(${statuses}::text[])` : sql`true`,
    ],
    sql` and `,
  );
  const db = netral.db;
  await sql`select count(*),
      count(*) filter (where status in ('recommended','ppk_examination','blocked','sanctioned','sanction_executed')
                         or (status = 'lapsed' and recommendation_number is not null)),
      count(*) filter (where status in ('sanctioned','sanction_executed')),
      count(*) filter (where recommendation_number is not null),
      count(*) filter (where recommendation_number is not null and status in ('sanctioned','sanction_executed')),
      count(*) filter (where status in ('recommended','ppk_examination') and ppk_deadline < current_date)
    from cases c where ${where}`.execute(db);
  for (const column of ['status', 'phase', 'phase_bucket', 'contest', 'sanction_level', 'position_class', 'unit_id']) {
    await sql`select ${sql.ref(`c.${column}`)}, count(*) from cases c where ${where} group by 1`.execute(db);
  }
  await sql`select u.kind, count(*) from cases c left join units u on u.id = c.unit_id where ${where} group by 1`.execute(
    db,
  );
  await sql`select date_trunc('month', c.act_on), count(*) from cases c where ${where} group by 1`.execute(db);
  await sql`select date_trunc('week', c.act_on), count(*) from cases c where ${where} group by 1`.execute(db);
  await sql`select cc.code, count(distinct c.id) from cases c join case_codes cc on cc.case_id = c.id where ${where} group by 1`.execute(
    db,
  );
  for (const column of ['family', 'regime']) {
    await sql`select ${sql.ref(`pt.${column}`)}, count(distinct c.id) from cases c join case_codes cc on cc.case_id = c.id
      join prohibition_types pt on pt.code = cc.code where ${where} group by 1`.execute(db);
  }
}

// ---------------------------------------------------------------------------------------------

let netral: NetralDb;
let regencies: string[];
let throwaway = false;
if (GENERATOR === 'dataset') {
  const dataset = await openDataset({ cases: N, url: URL, poolSize: 4, fresh: flag('fresh'), log });
  netral = dataset.netral;
  log(
    dataset.built
      ? `data set ${dataset.schema} built in ${dataset.info.seconds.total} s`
      : `data set ${dataset.schema} reused (${dataset.seconds.toFixed(1)} s; built ${dataset.info.builtAt} in ${dataset.info.seconds.total} s)`,
  );
  regencies = (await netral.db.selectFrom('regencies').select('id').orderBy('id').execute()).map((r) => r.id);
} else {
  throwaway = true;
  const admin = createDb({ url: URL, poolSize: 2 });
  await admin.withSchemaLock(() => sql`drop schema if exists ${sql.id(SCHEMA)} cascade`.execute(admin.db));
  await admin.close();
  netral = createDb({ url: URL, poolSize: 4 }, { schema: SCHEMA });
  await timed('migrate', () => netral.migrate());
  if (GENERATOR === 'seed') {
    const { generateDemoCases } = await import('@netral/db/seed');
    await timed(`generateDemoCases ${N}`, () => generateDemoCases(netral, { cases: N }));
    regencies = (await netral.db.selectFrom('regencies').select('id').orderBy('id').execute()).map((r) => r.id);
  } else {
    regencies = await timed('reference data', () => loadReference(netral));
    await timed(`insert ${N.toLocaleString('en')} cases (generate_series)`, () => generateSql(netral));
  }
  await timed('rebuildRollups', () => netral.withAdmin((trx) => rebuildRollups(trx)));
  await timed('analyze', () => sql`analyze`.execute(netral.db));
}
try {
  const counts = await sql<{ cases: number; codes: number; rollup: number }>`
    select (select count(*) from cases)::int as cases, (select count(*) from case_codes)::int as codes,
           (select count(*) from case_rollup)::int as rollup`.execute(netral.db);
  log('rows', counts.rows[0]);

  // The busiest regency, so the list has work to do.
  const busiest = await sql<{ regency_id: string }>`
    select regency_id from cases group by 1 order by count(*) desc limit 1`.execute(netral.db);
  const regency = busiest.rows[0]?.regency_id ?? (regencies[0] as string);

  const createCaller = createCallerFactory(appRouter);
  const analyst = createCaller(
    contextFor(netral, {
      id: '00000000-0000-0000-0000-000000000001',
      username: 'analis',
      displayName: 'Analis',
      locale: 'id',
      grants: [{ role: 'analyst', regencyId: null, provinceCode: null }],
    }),
  );
  const regencyAdmin = createCaller(
    contextFor(netral, {
      id: '00000000-0000-0000-0000-000000000002',
      username: 'admin',
      displayName: 'Admin',
      locale: 'id',
      grants: [{ role: 'regency_admin', regencyId: regency, provinceCode: null }],
    }),
  );

  const check = await analyst.analytics.summary({});
  log(
    'summary check: reported',
    check.headline.reported.n,
    'proven',
    check.headline.proven.n,
    'followUpRate',
    check.headline.followUpRate?.toFixed(3),
  );

  const baselineRuns = Math.max(3, Math.min(RUNS, Math.round(2e6 / Math.max(N, 1))));
  const rows: { what: string; stats: Stats; baseline?: Stats; target: string }[] = [];
  const nationalSummary = await measure(RUNS, () => analyst.analytics.summary({}));
  const nationalBaseline = await measure(baselineRuns, () => baselineSummary(netral, null, null));
  rows.push({
    what: 'analytics.summary national (analyst)',
    stats: nationalSummary,
    baseline: nationalBaseline,
    target: '≥20x, <50 ms',
  });
  const statuses = ['recommended', 'ppk_examination', 'sanctioned'];
  const regencySummary = await measure(RUNS, () =>
    analyst.analytics.summary({ regencyIds: [regency], status: statuses as never }),
  );
  const regencyBaseline = await measure(baselineRuns, () => baselineSummary(netral, [regency], statuses));
  rows.push({
    what: `analytics.summary ${regency} + 3 statuses`,
    stats: regencySummary,
    baseline: regencyBaseline,
    target: '≥20x, <50 ms',
  });
  const list = await measure(RUNS * 3, () =>
    regencyAdmin.cases.list({ regencyId: regency, status: ['recommended'], sort: 'act_on', direction: 'desc' }),
  );
  const page = await regencyAdmin.cases.list({ regencyId: regency, status: ['recommended'] });
  const second = await regencyAdmin.cases.list({
    regencyId: regency,
    status: ['recommended'],
    cursor: page.nextCursor,
  });
  const listNext = await measure(RUNS * 3, () =>
    regencyAdmin.cases.list({ regencyId: regency, status: ['recommended'], cursor: second.nextCursor }),
  );
  rows.push({
    what: `cases.list ${regency} status=recommended (${page.rows.length} rows)`,
    stats: list,
    target: '<20 ms',
  });
  rows.push({ what: 'cases.list, third page (keyset)', stats: listNext, target: '<20 ms' });

  console.log(
    `\nCases: ${N.toLocaleString('en')} in ${regencies.length} regencies; PostgreSQL ${printableUrl(URL)} (${netral.schema})`,
  );
  console.table(
    rows.map((r) => ({
      measurement: r.what,
      median: ms(r.stats.median),
      p95: ms(r.stats.p95),
      'baseline median': r.baseline ? ms(r.baseline.median) : '–',
      'baseline p95': r.baseline ? ms(r.baseline.p95) : '–',
      'baseline / rollup': r.baseline ? `${(r.baseline.median / r.stats.median).toFixed(1)}x` : '–',
      target: r.target,
      runs: r.baseline ? `${r.stats.runs} / ${r.baseline.runs}` : `${r.stats.runs}`,
    })),
  );
} finally {
  if (throwaway && !KEEP)
    await netral.withSchemaLock(() => sql`drop schema if exists ${sql.id(SCHEMA)} cascade`.execute(netral.db));
  await netral.close();
}
