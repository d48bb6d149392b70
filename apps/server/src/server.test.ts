import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { BINTAN, createTestWorld, TANAH_LAUT, TEST_PASSWORD, type TestWorld } from '@netral/api/testing';
import { createDb } from '@netral/db/create-db';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, MAX_BATCH_SIZE, plainQueryCalls, requestLocale, securityHeaders } from './server';

let world: TestWorld;
let app: FastifyInstance;
let base: string;
let staticRoot: string;

beforeAll(async () => {
  world = await createTestWorld();
  staticRoot = await mkdtemp(join(tmpdir(), 'netral-static-'));
  await mkdir(join(staticRoot, 'admin', 'assets'), { recursive: true });
  await mkdir(join(staticRoot, 'analytics', 'assets'), { recursive: true });
  await writeFile(join(staticRoot, 'admin', 'index.html'), '<!doctype html><title>admin</title>');
  await writeFile(join(staticRoot, 'admin', 'assets', 'app-abc123.js'), 'console.log("admin")');
  await writeFile(join(staticRoot, 'admin', 'assets', 'app-abc123.js.br'), brotliCompressSync('console.log("admin")'));
  await writeFile(join(staticRoot, 'analytics', 'index.html'), '<!doctype html><title>analytics</title>');
  app = await buildServer({
    db: world.db,
    staticDirs: { admin: join(staticRoot, 'admin'), analytics: join(staticRoot, 'analytics') },
    trustProxy: true,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('not listening');
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await app?.close();
  await world?.close();
  if (staticRoot) await rm(staticRoot, { recursive: true, force: true });
});

const json = { 'content-type': 'application/json' };

/** Signs in over HTTP and returns the cookie header to send back and the CSRF token. */
async function login(username = 'tanahlaut') {
  const res = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const body = (await res.json()) as { result: { data: { csrfToken: string; user: { username: string } } } };
  return { setCookie, cookie: setCookie.split(';')[0] ?? '', csrfToken: body.result.data.csrfToken, body };
}

describe('sessions over HTTP', () => {
  it('signs in with a cookie, then auth.me sees the user', async () => {
    const { setCookie, cookie, csrfToken, body } = await login();
    expect(body.result.data.user.username).toBe('tanahlaut');
    expect(setCookie).toMatch(/^netral_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);

    const me = await fetch(`${base}/trpc/auth.me`, { headers: { cookie } });
    const data = (await me.json()) as { result: { data: { user: { username: string }; csrfToken: string } } };
    expect(data.result.data.user.username).toBe('tanahlaut');
    expect(data.result.data.csrfToken).toBe(csrfToken);

    const anonymous = await fetch(`${base}/trpc/auth.me`);
    expect(((await anonymous.json()) as { result: { data: unknown } }).result.data).toBeNull();
  });

  it('marks the cookie Secure when the request came over https', async () => {
    const res = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { ...json, 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ username: 'bintan', password: TEST_PASSWORD }),
    });
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('refuses a mutation without the CSRF header and accepts it with the header', async () => {
    const { cookie, csrfToken } = await login();
    const create = (headers: Record<string, string>) =>
      fetch(`${base}/trpc/units.create`, {
        method: 'POST',
        headers: { ...json, cookie, ...headers },
        body: JSON.stringify({ regencyId: TANAH_LAUT, name: 'Dinas Lewat HTTP', kind: 'dinas' }),
      });
    const refused = await create({});
    expect(refused.status).toBe(403);
    const forged = await create({ 'x-csrf-token': 'forged' });
    expect(forged.status).toBe(403);
    const list = async () =>
      (
        (await (
          await fetch(
            `${base}/trpc/units.list?input=${encodeURIComponent(JSON.stringify({ regencyId: TANAH_LAUT }))}`,
            {
              headers: { cookie },
            },
          )
        ).json()) as { result: { data: { name: string }[] } }
      ).result.data.map((u) => u.name);
    expect(await list()).not.toContain('Dinas Lewat HTTP');

    const accepted = await create({ 'x-csrf-token': csrfToken });
    expect(accepted.status).toBe(200);
    expect(await list()).toContain('Dinas Lewat HTTP');
  });

  it('refuses tRPC POSTs that are not JSON, or come from another origin', async () => {
    const { cookie, csrfToken } = await login();
    const post = (headers: Record<string, string>) =>
      fetch(`${base}/trpc/auth.logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, ...headers } });
    expect((await post({ 'content-type': 'text/plain' })).status).toBe(403);
    expect((await post({ 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(403);
    expect((await post({ ...json, origin: 'https://evil.example' })).status).toBe(403);
    // Still signed in: none of these reached the procedure.
    const me = await fetch(`${base}/trpc/auth.me`, { headers: { cookie } });
    expect(((await me.json()) as { result: { data: unknown } }).result.data).not.toBeNull();
    // The same origin is fine.
    expect((await post({ ...json, origin: base })).status).toBe(200);
  });

  it('answers a wrong password with 401 in the language asked for', async () => {
    const res = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { ...json, 'accept-language': 'en-US,en;q=0.9' },
      body: JSON.stringify({ username: 'tanahlaut', password: 'wrong' }),
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('Wrong username or password.');
  });
});

describe('protocol limits', () => {
  it(`refuses a batch of more than ${MAX_BATCH_SIZE} calls`, async () => {
    const { cookie } = await login();
    const paths = (n: number) => Array.from({ length: n }, () => 'auth.me').join(',');
    expect((await fetch(`${base}/trpc/${paths(MAX_BATCH_SIZE)}?batch=1`, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(`${base}/trpc/${paths(MAX_BATCH_SIZE + 1)}?batch=1`, { headers: { cookie } })).status).toBe(
      400,
    );
  });

  it('refuses a body over 1 MB without internals', async () => {
    const res = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ username: 'x', password: 'y'.repeat(1_100_000) }),
    });
    expect(res.status).toBe(413);
    expect(await res.text()).not.toMatch(/FST_|stack|node_modules/);
  });
});

describe('plain GET queries', () => {
  const q = (input: unknown) => encodeURIComponent(JSON.stringify(input));
  const missingCase = '00000000-0000-4000-8000-000000000000';

  it("answer exactly as tRPC's own handler does: status, headers and body", async () => {
    const { cookie } = await login();
    const requests: [string, Record<string, string>][] = [
      ['auth.me', {}],
      ['auth.me', { cookie }],
      [`units.list?input=${q({ regencyId: TANAH_LAUT })}`, { cookie }],
      // Another regency's data, a bad input in English, no input, no session, a domain error.
      [`units.list?input=${q({ regencyId: BINTAN })}`, { cookie }],
      [`units.list?input=${q({ regencyId: 'x' })}`, { cookie, 'x-netral-locale': 'en' }],
      ['units.list', { cookie }],
      [`units.list?input=${q({ regencyId: TANAH_LAUT })}`, {}],
      [`cases.get?input=${q({ regencyId: TANAH_LAUT, id: missingCase })}`, { cookie }],
      // Batches: all fine, mixed (207), all failing alike, no input at all.
      [`auth.me,units.list?batch=1&input=${q({ 1: { regencyId: TANAH_LAUT } })}`, { cookie }],
      [`auth.me,units.list?batch=1&input=${q({ 1: { regencyId: BINTAN } })}`, { cookie }],
      [`units.list,units.list?batch=1&input=${q({ 0: { regencyId: BINTAN }, 1: { regencyId: BINTAN } })}`, { cookie }],
      ['auth.me?batch=1', { cookie }],
    ];
    for (const [path, headers] of requests) {
      const short = await fetch(`${base}/trpc/${path}`, { headers });
      // A `trpc-accept` header sends the same request to tRPC's handler, which answers it alike.
      const full = await fetch(`${base}/trpc/${path}`, { headers: { ...headers, 'trpc-accept': 'application/json' } });
      expect(short.status, path).toBe(full.status);
      for (const name of ['content-type', 'vary', 'set-cookie', 'content-security-policy', 'x-frame-options']) {
        expect(short.headers.get(name), `${path} ${name}`).toBe(full.headers.get(name));
      }
      expect(await short.text(), path).toBe(await full.text());
    }
  });

  it('take the short way only for GET queries tRPC would read plainly', () => {
    const request = (url: string, headers: Record<string, string> = {}, method = 'GET') => {
      const query = url.indexOf('?');
      const path = url.slice('/trpc/'.length, query < 0 ? undefined : query);
      return { method, url, headers: { host: '127.0.0.1:3000', ...headers }, params: { path } };
    };
    const paths = new Set(['auth.me', 'units.list']);
    const read = (url: string, headers?: Record<string, string>, method?: string) =>
      plainQueryCalls(request(url, headers, method), paths, (v) => v);

    expect(read('/trpc/auth.me')).toEqual({ batch: false, calls: [{ path: 'auth.me', input: undefined }] });
    expect(read(`/trpc/units.list?input=${q({ regencyId: TANAH_LAUT })}`)?.calls).toEqual([
      { path: 'units.list', input: { regencyId: TANAH_LAUT } },
    ]);
    expect(read(`/trpc/auth.me,units.list?batch=1&input=${q({ 1: { regencyId: TANAH_LAUT } })}`)).toEqual({
      batch: true,
      calls: [
        { path: 'auth.me', input: undefined },
        { path: 'units.list', input: { regencyId: TANAH_LAUT } },
      ],
    });
    // Everything else goes to tRPC's handler.
    expect(read('/trpc/auth.me', {}, 'POST')).toBeNull();
    expect(read('/trpc/auth.me', { 'trpc-accept': 'application/jsonl' })).toBeNull();
    expect(read('/trpc/auth.me', { accept: 'application/jsonl' })).toBeNull();
    expect(read('/trpc/auth.me', { 'content-type': 'application/json' })).toBeNull();
    expect(read('/trpc/auth.login')).toBeNull();
    expect(read('/trpc/no.such.procedure')).toBeNull();
    expect(read('/trpc/units.list?input={oops')).toBeNull();
    expect(read(`/trpc/auth.me?batch=1&input=${q([1])}`)).toBeNull();
    expect(read(`/trpc/${Array.from({ length: MAX_BATCH_SIZE + 1 }, () => 'auth.me').join(',')}?batch=1`)).toBeNull();
    expect(read('/trpc/auth.me?connectionParams=1')).toBeNull();
    expect(read('/trpc/auth.me', { host: 'bad host' })).toBeNull();
  });
});

describe('health, headers, errors', () => {
  it('/healthz answers ok when the database does', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('/healthz answers 503 when the database is unreachable', async () => {
    const down = createDb({ url: 'postgres://nobody@127.0.0.1:1/none' });
    const broken = await buildServer({ db: down });
    try {
      const res = await broken.inject({ method: 'GET', url: '/healthz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ ok: false });
    } finally {
      await broken.close();
      await down.close();
    }
  });

  it('sends security headers with a self-only content security policy', async () => {
    const res = await fetch(`${base}/healthz`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https:/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it("sends @fastify/helmet's headers, computed once, on every kind of answer", async () => {
    const expected = await securityHeaders();
    expect(expected.map(([name]) => name)).toEqual(
      expect.arrayContaining(['content-security-policy', 'strict-transport-security', 'x-frame-options']),
    );
    const { cookie } = await login();
    const answers = [
      await fetch(`${base}/healthz`),
      await fetch(`${base}/trpc/auth.me`, { headers: { cookie } }),
      await fetch(`${base}/trpc/auth.logout`, { method: 'POST', headers: { 'content-type': 'text/plain' } }),
      await fetch(`${base}/`),
      await fetch(`${base}/assets/missing-1.js`),
    ];
    for (const res of answers) {
      for (const [name, value] of expected) expect(res.headers.get(name), `${res.url} ${name}`).toBe(value);
    }
  });

  it('an unexpected database error reaches the client as a generic 500, without SQL', async () => {
    const { cookie } = await login();
    await world.db.withAdmin((trx) =>
      sql`alter table taxonomy_overrides rename to taxonomy_overrides_moved`.execute(trx),
    );
    try {
      const res = await fetch(`${base}/trpc/taxonomy.list`, { headers: { cookie } });
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(text).not.toMatch(/taxonomy_overrides|relation|select|stack/i);
      expect(JSON.parse(text).error.message).toBe('Terjadi kesalahan pada server. Coba lagi nanti.');
    } finally {
      await world.db.withAdmin((trx) =>
        sql`alter table taxonomy_overrides_moved rename to taxonomy_overrides`.execute(trx),
      );
    }
    expect((await fetch(`${base}/trpc/taxonomy.list`, { headers: { cookie } })).status).toBe(200);
  });
});

describe('single-page apps', () => {
  it('serves the admin app at / with a fallback to index.html for its routes', async () => {
    for (const path of ['/', '/cases/123', '/circulars/new?x=1']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('<title>admin</title>');
    }
    const asset = await fetch(`${base}/assets/app-abc123.js`);
    expect(await asset.text()).toContain('console.log("admin")');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${base}/assets/missing-1.js`)).status).toBe(404);
  });

  it('sends the precompressed asset of the build to a browser that accepts it', async () => {
    const res = await fetch(`${base}/assets/app-abc123.js`, { headers: { 'accept-encoding': 'br' } });
    expect(res.headers.get('content-encoding')).toBe('br');
    // fetch decodes it: the same script arrives.
    expect(await res.text()).toBe('console.log("admin")');
  });

  it('serves the analytics app at /analytics/ with its own fallback', async () => {
    for (const path of ['/analytics/', '/analytics/by-phase']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('<title>analytics</title>');
    }
  });

  it('never answers an unknown tRPC path with a page', async () => {
    const res = await fetch(`${base}/trpc/no.such.procedure`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('<title>');
  });
});

describe('requestLocale', () => {
  it('prefers the explicit header, then Accept-Language by quality, else Indonesian', () => {
    expect(requestLocale({ 'x-netral-locale': 'en', 'accept-language': 'id' })).toBe('en');
    expect(requestLocale({ 'accept-language': 'fr, en;q=0.8, id;q=0.9' })).toBe('id');
    expect(requestLocale({ 'accept-language': 'en-GB' })).toBe('en');
    expect(requestLocale({ 'accept-language': 'de' })).toBe('id');
    expect(requestLocale({})).toBe('id');
  });
});
