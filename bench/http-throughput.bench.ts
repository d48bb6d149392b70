/**
 * HTTP throughput of `cases.get` against a bare Fastify route that runs the same query, in the
 * same run, on PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test; a
 * schema of its own, dropped at the end). Issue #3 asks for at least 70% of the bare route.
 *
 *   pnpm bench:http [--seconds 10] [--connections 10]
 *
 * The tRPC route pays for what a real request needs: cookie session lookup, tRPC's request
 * handling, zod validation of input and output. The bare route runs the same `getCase` inside
 * the same tenant transaction, with a fixed regency and no session.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { hashPassword } from '@netral/api/auth';
import { createDb } from '@netral/db/create-db';
import { getCase } from '@netral/db/queries/cases';
import { seedDemo } from '@netral/db/seed';
import { buildServer } from '@netral/server/server';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { sql } from 'kysely';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '10' } },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `bench_http_${randomBytes(4).toString('hex')}`;
const netral = createDb({ url, poolSize: 10 }, { schema });

async function run(name: string, target: string, headers: Record<string, string>) {
  const result = await autocannon({ url: target, connections, duration: seconds, headers });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

try {
  await netral.migrate();
  console.log(`seeding demo data into schema ${schema}…`);
  await seedDemo(netral, { hashPassword, cases: 2000 });
  const row = await netral.withAdmin((trx) =>
    trx
      .selectFrom('cases')
      .select(['id', 'regency_id'])
      .where('regency_id', '=', '63.01')
      .limit(1)
      .executeTakeFirstOrThrow(),
  );

  const app = await buildServer({ db: netral });
  const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const login = await fetch(`${appUrl}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'tanahlaut', password: 'netral-demo' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (!login.ok || !cookie) throw new Error(`login failed: ${login.status}`);

  const bare = Fastify();
  bare.get('/case/:id', async (req) => {
    const { id } = req.params as { id: string };
    return netral.withTenant([row.regency_id], (trx) =>
      getCase(trx, id, { includeReporter: true, today: '2024-12-01', roles: ['regency_admin'] }),
    );
  });
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

  const input = encodeURIComponent(JSON.stringify({ regencyId: row.regency_id, id: row.id }));
  // Warm both paths (JIT, connection pool) before measuring.
  await autocannon({ url: `${bareUrl}/case/${row.id}`, connections, duration: 2 });
  await autocannon({ url: `${appUrl}/trpc/cases.get?input=${input}`, connections, duration: 2, headers: { cookie } });

  const base = await run('bare Fastify route, same query', `${bareUrl}/case/${row.id}`, {});
  const trpc = await run('tRPC cases.get (session, validation)', `${appUrl}/trpc/cases.get?input=${input}`, { cookie });
  console.table(
    [base, trpc].map((r) => ({
      route: r.name,
      'req/s': Math.round(r.rps),
      'p50 ms': r.p50,
      'p99 ms': r.p99,
      'vs bare': `${((r.rps / base.rps) * 100).toFixed(0)}%`,
    })),
  );
  const ratio = trpc.rps / base.rps;
  console.log(`cases.get throughput is ${(ratio * 100).toFixed(0)}% of the bare route (target ≥ 70%)`);
  if (ratio < 0.7) process.exitCode = 1;
  await app.close();
  await bare.close();
} finally {
  // Dropping right after the load can deadlock with sessions still closing; retry once.
  const drop = () =>
    netral.withSchemaLock(() => sql`drop schema if exists ${sql.id(schema)} cascade`.execute(netral.db));
  await drop().catch(async () => {
    await new Promise((r) => setTimeout(r, 1000));
    await drop();
  });
  await netral.close();
}
