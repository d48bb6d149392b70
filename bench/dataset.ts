/**
 * The shared benchmark data set: a PostgreSQL schema (default `bench_1m`) holding the demo
 * reference data, the demo users (`nasional`, `tanahlaut`, `bintan`, `operator.tanahlaut`,
 * `analis`; password `netral-demo`), both real circulars published, and N cases from the demo
 * generator (`generateDemoCases` of `@netral/db/seed`), with the rollups rebuilt and the tables
 * vacuumed and analyzed.
 *
 * Built once and reused: a schema whose description (a JSON comment on the schema, written last)
 * says it is complete, with the same case count and seed, built from the same generator and
 * migration files (by content), with every migration applied and exactly N rows in `cases`, is
 * opened as it is (seconds). A new migration is applied in place and a changed rollups.ts
 * rebuilds only the rollups (minutes); anything else — no schema, an interrupted build, a changed
 * migration or generator, another count — drops and rebuilds it; `--fresh` forces that.
 *
 *   pnpm --filter @netral/bench run dataset                        # bench_1m, 1,000,000 cases
 *   pnpm --filter @netral/bench run dataset -- --cases 100000      # bench_100k
 *   pnpm --filter @netral/bench run dataset -- --fresh             # rebuild
 *
 * Benchmarks call {@link openDataset} (same options) and get the handle.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { hashPassword } from '@netral/api/auth';
import { createDb, type NetralDb } from '@netral/db/create-db';
import { createMigrator } from '@netral/db/migrator';
import { rebuildRollups } from '@netral/db/queries/rollups';
import { generateDemoCases, seedDemo } from '@netral/db/seed';
import { sql } from 'kysely';

/** Bump when what the builder writes changes, so older schemas are rebuilt. */
const BUILDER_VERSION = 3;
const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';

const dbSrc = join(dirname(fileURLToPath(import.meta.url)), '../packages/db/src');

/** SHA-256 (hex, 16 characters) of the files' contents, in name order. */
function hashFiles(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort()) {
    hash.update(basename(file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

const sourcesIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => join(dir, f));

/**
 * What the data set was built from, by content: each migration file (and the frozen SQL they
 * share), the demo generator and seed, and the rollup rebuild. A changed migration or generator
 * rebuilds the data set; a new migration is applied in place (as on a real database); a change
 * to the rollups rebuilds only them (a couple of minutes, not five).
 */
export function sourceFingerprint(): Sources {
  const migrations: Record<string, string> = {};
  for (const file of sourcesIn(join(dbSrc, 'migrations'))) {
    const name = file.slice(file.lastIndexOf('/') + 1, -'.ts'.length);
    if (name !== 'index') migrations[name] = hashFiles([file]);
  }
  return {
    migrations,
    generator: hashFiles(sourcesIn(join(dbSrc, 'seed'))),
    rollups: hashFiles([join(dbSrc, 'queries/rollups.ts')]),
  };
}

export interface Sources {
  /** Migration file name (and `frozen-sql`) → content hash. */
  migrations: Record<string, string>;
  generator: string;
  rollups: string;
}

export interface DatasetOptions {
  /** Cases (default 1,000,000). */
  cases?: number;
  /** PostgreSQL URL (default DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test). */
  url?: string;
  /** Schema name (default from the count: bench_1m, bench_100k, bench_2500). */
  schema?: string;
  /** Drop and rebuild even when a matching schema exists. */
  fresh?: boolean;
  /** PRNG seed of the generator (default 1). */
  seed?: number;
  /** Pool size of the returned handle (default 10). */
  poolSize?: number;
  log?: (line: string) => void;
}

/** What the schema comment records. */
export interface DatasetInfo {
  builder: number;
  cases: number;
  seed: number;
  migrations: string[];
  /** {@link sourceFingerprint} at build time (or at the last update in place). */
  sources: Sources;
  builtAt: string;
  /** Updates in place since the build: new migrations applied, rollups rebuilt. */
  updates?: { at: string; what: string }[];
  /** Seconds the build took, by step. */
  seconds: { migrate: number; seed: number; cases: number; vacuum: number; total: number };
  complete: true;
}

export interface Dataset {
  netral: NetralDb;
  url: string;
  schema: string;
  info: DatasetInfo;
  /** Whether this call built the schema (false: reused). */
  built: boolean;
  /** Seconds this call took (checking, or building). */
  seconds: number;
}

/** `bench_1m`, `bench_250k`, `bench_2500`. */
export function schemaFor(cases: number): string {
  if (cases >= 1_000_000 && cases % 1_000_000 === 0) return `bench_${cases / 1_000_000}m`;
  if (cases >= 1000 && cases % 1000 === 0) return `bench_${cases / 1000}k`;
  return `bench_${cases}`;
}

/** The data set's connection URL: DATABASE_URL or the local test database. */
export function datasetUrl(): string {
  return process.env.DATABASE_URL ?? DEFAULT_URL;
}

async function migrationNames(netral: NetralDb): Promise<{ all: string[]; pending: string[] }> {
  const infos = await netral.withSchemaLock(() => createMigrator(netral.db, netral.schema).getMigrations());
  return { all: infos.map((m) => m.name), pending: infos.filter((m) => m.executedAt === undefined).map((m) => m.name) };
}

type Verdict =
  | { action: 'reuse'; info: DatasetInfo }
  | { action: 'update'; info: DatasetInfo; migrate: string[]; rollups: boolean }
  | { action: 'rebuild'; reason: string };

/** Whether an existing schema can be reused as it is, updated in place, or must be rebuilt. */
async function verdict(
  admin: NetralDb,
  schema: string,
  want: { cases: number; seed: number; migrations: string[]; sources: Sources },
): Promise<Verdict> {
  const rebuild = (reason: string): Verdict => ({ action: 'rebuild', reason });
  const comment = await sql<{ comment: string | null }>`
    select obj_description(n.oid, 'pg_namespace') as comment
      from pg_namespace n where n.nspname = ${schema}`.execute(admin.db);
  const row = comment.rows[0];
  if (!row) return rebuild('no schema');
  let info: DatasetInfo;
  try {
    info = JSON.parse(row.comment ?? '') as DatasetInfo;
  } catch {
    return rebuild('no complete build recorded (interrupted?)');
  }
  if (info.complete !== true) return rebuild('build not complete');
  if (info.builder !== BUILDER_VERSION) return rebuild(`builder version ${info.builder} ≠ ${BUILDER_VERSION}`);
  if (info.cases !== want.cases) return rebuild(`${info.cases} cases, want ${want.cases}`);
  if (info.seed !== want.seed) return rebuild(`seed ${info.seed}, want ${want.seed}`);
  if (info.sources.generator !== want.sources.generator) return rebuild('the demo generator changed');
  for (const [name, hash] of Object.entries(info.sources.migrations)) {
    if (want.sources.migrations[name] !== hash) return rebuild(`migration ${name} changed or was removed`);
  }
  const count = await sql<{ n: number }>`select count(*)::int as n from ${sql.id(schema, 'cases')}`.execute(admin.db);
  const n = count.rows[0]?.n ?? -1;
  if (n !== want.cases) return rebuild(`cases holds ${n} rows, want ${want.cases}`);
  const applied = await sql<{ name: string }>`select name from ${sql.id(schema, 'kysely_migration')}`
    .execute(admin.db)
    .then((r) => r.rows.map((m) => m.name));
  const pending = want.migrations.filter((m) => !applied.includes(m));
  const rollups = info.sources.rollups !== want.sources.rollups;
  if (pending.length === 0 && !rollups) return { action: 'reuse', info };
  return { action: 'update', info, migrate: pending, rollups };
}

/**
 * Opens the data set, building it first when it is missing or stale (or `fresh`). Two processes
 * asking at once are serialized by an advisory lock; the second reuses what the first built.
 *
 * @example
 * const { netral, info } = await openDataset({ cases: 1_000_000, log: console.log });
 * …
 * await netral.close();
 */
export async function openDataset(options: DatasetOptions = {}): Promise<Dataset> {
  const started = performance.now();
  const cases = options.cases ?? 1_000_000;
  if (!Number.isInteger(cases) || cases < 0) throw new RangeError('cases must be a whole number ≥ 0');
  const seed = options.seed ?? 1;
  const url = options.url ?? datasetUrl();
  const schema = options.schema ?? schemaFor(cases);
  const log = options.log ?? (() => {});
  const netral = createDb({ url, poolSize: options.poolSize ?? 10 }, { schema });
  // Three connections: one holds the data set's lock throughout, one the schema lock while the
  // third drops the schema (withSchemaLock).
  const admin = createDb({ url, poolSize: 3 });
  const elapsed = () => (performance.now() - started) / 1000;
  try {
    const migrations = (await migrationNames(netral)).all;
    const sources = sourceFingerprint();
    const result = await admin.db.connection().execute(async (lockConnection) => {
      await sql`select pg_advisory_lock(hashtext(${`netral-bench-dataset:${schema}`}))`.execute(lockConnection);
      try {
        const v: Verdict = options.fresh
          ? { action: 'rebuild', reason: '--fresh' }
          : await verdict(admin, schema, { cases, seed, migrations, sources });
        if (v.action === 'reuse') {
          log(`Data set ${schema}: reusing ${cases.toLocaleString('en')} cases (built ${v.info.builtAt}).`);
          return { info: v.info, built: false };
        }
        if (v.action === 'update') {
          const t = performance.now();
          const what: string[] = [];
          if (v.migrate.length > 0) {
            log(`Data set ${schema}: applying ${v.migrate.join(', ')} in place.`);
            await netral.migrate();
            what.push(`migrated: ${v.migrate.join(', ')}`);
          }
          if (v.rollups) {
            log(`Data set ${schema}: rebuilding the rollups (rollups.ts changed).`);
            await netral.withAdmin((trx) => rebuildRollups(trx));
            what.push('rollups rebuilt');
          }
          await vacuumAnalyze(admin, schema);
          const info: DatasetInfo = {
            ...v.info,
            migrations,
            sources,
            updates: [...(v.info.updates ?? []), { at: new Date().toISOString(), what: what.join('; ') }],
          };
          await writeInfo(admin, schema, info);
          log(`  updated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
          return { info, built: false };
        }
        log(`Data set ${schema}: building ${cases.toLocaleString('en')} cases (${v.reason}).`);
        return { info: await build(netral, admin, { schema, cases, seed, log }), built: true };
      } finally {
        await sql`select pg_advisory_unlock(hashtext(${`netral-bench-dataset:${schema}`}))`.execute(lockConnection);
      }
    });
    if (result.built) log(`Data set ${schema}: built in ${result.info.seconds.total.toFixed(0)} s.`);
    return { netral, url, schema, info: result.info, built: result.built, seconds: elapsed() };
  } catch (error) {
    await netral.close();
    throw error;
  } finally {
    await admin.close();
  }
}

const round = (s: number) => Math.round(s * 10) / 10;

async function build(
  netral: NetralDb,
  admin: NetralDb,
  o: { schema: string; cases: number; seed: number; log: (line: string) => void },
): Promise<DatasetInfo> {
  const t0 = performance.now();
  const lap = (() => {
    let last = t0;
    return () => {
      const now = performance.now();
      const s = (now - last) / 1000;
      last = now;
      return s;
    };
  })();
  await admin.withSchemaLock(() => sql`drop schema if exists ${sql.id(o.schema)} cascade`.execute(admin.db));
  await netral.migrate();
  const migrate = lap();
  o.log(`  migrated (${migrate.toFixed(1)} s)`);
  // Reference data, units, users, the two published circulars; no cases yet.
  await seedDemo(netral, { hashPassword, cases: 0 });
  const seedSeconds = lap();
  o.log(`  demo reference data, users and circulars (${seedSeconds.toFixed(1)} s)`);
  let lastReport = performance.now();
  await generateDemoCases(netral, {
    cases: o.cases,
    seed: o.seed,
    onProgress: (done, total) => {
      if (performance.now() - lastReport < 15_000 && done < total) return;
      lastReport = performance.now();
      o.log(
        `  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} cases (${((lastReport - t0) / 1000).toFixed(0)} s)`,
      );
    },
  });
  const casesSeconds = lap();
  o.log(`  cases and rollups (${casesSeconds.toFixed(1)} s)`);
  // Visibility map and statistics now, so the first benchmark does not race autovacuum.
  await vacuumAnalyze(admin, o.schema);
  const vacuum = lap();
  o.log(`  vacuum analyze (${vacuum.toFixed(1)} s)`);
  const info: DatasetInfo = {
    builder: BUILDER_VERSION,
    cases: o.cases,
    seed: o.seed,
    migrations: (await migrationNames(netral)).all,
    sources: sourceFingerprint(),
    builtAt: new Date().toISOString(),
    seconds: {
      migrate: round(migrate),
      seed: round(seedSeconds),
      cases: round(casesSeconds),
      vacuum: round(vacuum),
      total: round((performance.now() - t0) / 1000),
    },
    complete: true,
  };
  // Written last: a schema without it is an interrupted build.
  await writeInfo(admin, o.schema, info);
  return info;
}

async function vacuumAnalyze(admin: NetralDb, schema: string): Promise<void> {
  const tables = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = ${schema} order by 1`.execute(admin.db);
  for (const { name } of tables.rows) await sql`vacuum (analyze) ${sql.id(schema, name)}`.execute(admin.db);
}

async function writeInfo(admin: NetralDb, schema: string, info: DatasetInfo): Promise<void> {
  await sql`comment on schema ${sql.id(schema)} is ${sql.lit(JSON.stringify(info))}`.execute(admin.db);
}

// ---------------------------------------------------------------------------------------------
// CLI

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const cases = Number(arg('cases') ?? 1_000_000);
  const t = performance.now();
  const log = (line: string) => console.log(`[${((performance.now() - t) / 1000).toFixed(1)}s] ${line}`);
  const dataset = await openDataset({
    cases,
    fresh: process.argv.includes('--fresh'),
    ...(arg('schema') !== undefined && { schema: arg('schema') as string }),
    log,
  });
  const sizes = await sql<{ cases: number; rollup: number; size: string }>`
    select (select count(*) from cases)::int as cases, (select count(*) from case_rollup)::int as rollup,
           pg_size_pretty((select sum(pg_total_relation_size(c.oid)) from pg_class c
                             join pg_namespace n on n.oid = c.relnamespace
                            where n.nspname = ${dataset.schema} and c.relkind in ('r', 'm'))::bigint) as size`.execute(
    dataset.netral.db,
  );
  const s = sizes.rows[0];
  log(
    `${dataset.schema}: ${s?.cases.toLocaleString('en')} cases, ${s?.rollup.toLocaleString('en')} rollup rows, ${s?.size}; ` +
      (dataset.built
        ? `built in ${dataset.info.seconds.total.toFixed(1)} s (${JSON.stringify(dataset.info.seconds)})`
        : `reused in ${dataset.seconds.toFixed(1)} s (built ${dataset.info.builtAt} in ${dataset.info.seconds.total.toFixed(0)} s)`),
  );
  await dataset.netral.close();
}
