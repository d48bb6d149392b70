import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BINTAN, createTestWorld, TANAH_LAUT, TEST_PASSWORD, type TestWorld } from '@netral/api/testing';
import { contests } from '@netral/domain/phases';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_EVIDENCE_BYTES } from './evidence';
import { buildServer } from './server';

let world: TestWorld;
let app: FastifyInstance;
let base: string;
let filesDir: string;
let caseId: string;
let bintanCaseId: string;

async function insertCase(regencyId: string, unitId: string, name: string): Promise<string> {
  return world.db.withAdmin(async (trx) => {
    const row = await trx
      .insertInto('cases')
      .values({
        regency_id: regencyId,
        unit_id: unitId,
        contest: 'PILKADA_2024',
        act_on: '2024-10-01',
        phase: 'KAMPANYE',
        phase_bucket: 'during',
        subject_name: name,
        employment_type: 'PNS',
        position_class: 'fungsional',
        source: 'public_report',
        summary: 'Unggahan di media sosial',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

beforeAll(async () => {
  world = await createTestWorld();
  await world.db.withAdmin((trx) =>
    trx
      .insertInto('contests')
      .values({ code: 'PILKADA_2024', data: JSON.stringify(contests.PILKADA_2024) })
      .execute(),
  );
  caseId = await insertCase(TANAH_LAUT, world.units.tanahLaut, 'Terlapor Tanah Laut');
  bintanCaseId = await insertCase(BINTAN, world.units.bintan, 'Terlapor Bintan');
  filesDir = await mkdtemp(join(tmpdir(), 'netral-evidence-test-'));
  app = await buildServer({ db: world.db, filesDir });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('not listening');
  base = `http://127.0.0.1:${address.port}`;
}, 60_000);

afterAll(async () => {
  await app?.close();
  await world?.close();
  if (filesDir) await rm(filesDir, { recursive: true, force: true });
});

async function login(username: string) {
  const res = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = (await res.json()) as { result: { data: { csrfToken: string } } };
  return { cookie, csrfToken: body.result.data.csrfToken };
}

const uploadUrl = (regencyId: string, id: string, query: Record<string, string>) =>
  `${base}/files/regencies/${regencyId}/cases/${id}/evidence?${new URLSearchParams(query)}`;

async function upload(
  session: { cookie: string; csrfToken: string } | null,
  body: Buffer | ReadableStream<Uint8Array>,
  options: { regencyId?: string; id?: string; query?: Record<string, string>; headers?: Record<string, string> } = {},
) {
  const res = await fetch(
    uploadUrl(
      options.regencyId ?? TANAH_LAUT,
      options.id ?? caseId,
      options.query ?? { description: 'Tangkapan layar unggahan', fileName: 'bukti unggahan.png' },
    ),
    {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
        ...options.headers,
      },
      body,
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit,
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function evidenceCount(): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from evidence`.execute(world.db.db);
  return r.rows[0]?.n ?? 0;
}

async function incomingLeft(): Promise<string[]> {
  return readdir(join(filesDir, 'incoming')).catch(() => []);
}

describe('evidence upload', () => {
  it('stores the file, hashes it on the server and records item, timeline and audit together', async () => {
    const tl = await login('tanahlaut');
    const file = randomBytes(300_000);
    const expected = createHash('sha256').update(file).digest('hex');
    const res = await upload(tl, file);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ fileName: 'bukti unggahan.png', fileSize: 300_000, sha256: expected });
    const stored = await readFile(join(filesDir, 'evidence', TANAH_LAUT, expected));
    expect(stored.equals(file)).toBe(true);
    expect(await incomingLeft()).toEqual([]);

    const detail = await world.callers.tanahlaut.cases.get({ regencyId: TANAH_LAUT, id: caseId });
    expect(detail.evidence).toMatchObject([
      { id: res.body.id, description: 'Tangkapan layar unggahan', fileSize: 300_000, sha256: expected, url: null },
    ]);
    expect(detail.events.at(-1)).toMatchObject({ verb: 'evidence', data: { sha256: expected } });
    const audit = await world.db.db
      .selectFrom('audit_events')
      .select(['action', 'entity', 'after', 'actor_id'])
      .where('entity_id', '=', res.body.id as string)
      .execute();
    expect(audit).toMatchObject([
      {
        action: 'case.evidence.add',
        entity: 'evidence',
        actor_id: world.users.tanahlaut.id,
        after: { caseId, sha256: expected },
      },
    ]);

    const download = await fetch(`${base}/files/regencies/${TANAH_LAUT}/cases/${caseId}/evidence/${res.body.id}`, {
      headers: { cookie: tl.cookie },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="bukti unggahan.png"; filename*=UTF-8''bukti%20unggahan.png`,
    );
    expect(Buffer.from(await download.arrayBuffer()).equals(file)).toBe(true);
  });

  it('refuses requests without a session, the CSRF token or the right origin, and stores nothing', async () => {
    const tl = await login('tanahlaut');
    const before = await evidenceCount();
    expect((await upload(null, Buffer.from('x'))).status).toBe(401);
    const noCsrf = await upload({ cookie: tl.cookie, csrfToken: 'wrong' }, Buffer.from('x'));
    expect(noCsrf).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect((noCsrf.body.error as { message: string }).message).toMatch(/CSRF/);
    const crossSite = await upload(tl, Buffer.from('x'), { headers: { origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    const form = await upload(tl, Buffer.from('x'), { headers: { 'content-type': 'text/plain' } });
    expect(form.status).toBe(415);
    expect(await evidenceCount()).toBe(before);
  });

  it('answers 404 for another regency, whichever regency the path names', async () => {
    const bt = await login('bintan');
    const before = await evidenceCount();
    const viaOwnRegency = await upload(bt, Buffer.from('bukti'), { regencyId: BINTAN, id: caseId });
    expect(viaOwnRegency).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    expect((await upload(bt, Buffer.from('bukti'), { regencyId: TANAH_LAUT })).status).toBe(404);
    const analyst = await login('analis');
    expect((await upload(analyst, Buffer.from('bukti'))).status).toBe(404);
    expect(await evidenceCount()).toBe(before);
    expect(await incomingLeft()).toEqual([]);

    const tl = await login('tanahlaut');
    const own = await upload(bt, Buffer.from('milik bintan'), { regencyId: BINTAN, id: bintanCaseId });
    expect(own.status).toBe(201);
    const foreign = await fetch(`${base}/files/regencies/${BINTAN}/cases/${bintanCaseId}/evidence/${own.body.id}`, {
      headers: { cookie: tl.cookie },
    });
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).not.toContain('milik bintan');
  });

  it('refuses files over 10 MB, declared or streamed, and empty files', async () => {
    const tl = await login('tanahlaut');
    const before = await evidenceCount();
    const declared = await upload(tl, Buffer.alloc(MAX_EVIDENCE_BYTES + 1));
    expect(declared).toMatchObject({ status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE' } } });
    // Chunked, no Content-Length: counted while it streams.
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_EVIDENCE_BYTES) {
          controller.close();
          return;
        }
        sent += 1024 * 1024;
        controller.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    const streamed = await upload(tl, stream);
    expect(streamed.status).toBe(413);
    const empty = await upload(tl, Buffer.alloc(0));
    expect(empty.status).toBe(400);
    expect(await evidenceCount()).toBe(before);
    expect(await incomingLeft()).toEqual([]);
  });

  it('names bad fields in the user language', async () => {
    const tl = await login('tanahlaut');
    const res = await upload(tl, Buffer.from('x'), { query: { fileName: 'a.png' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { description: ['Keterangan bukti wajib diisi'] },
    });
    const en = await upload(tl, Buffer.from('x'), {
      query: { fileName: 'a.png' },
      headers: { 'x-netral-locale': 'en' },
    });
    expect(en.body.error).toMatchObject({ fieldErrors: { description: ['Evidence description is required'] } });
  });

  it('refuses to serve a file that no longer matches its SHA-256', async () => {
    const tl = await login('tanahlaut');
    const res = await upload(tl, Buffer.from('isi asli'), { query: { description: 'Dokumen', fileName: 'surat.pdf' } });
    expect(res.status).toBe(201);
    await writeFile(join(filesDir, 'evidence', TANAH_LAUT, res.body.sha256 as string), 'isi palsu');
    const download = await fetch(`${base}/files/regencies/${TANAH_LAUT}/cases/${caseId}/evidence/${res.body.id}`, {
      headers: { cookie: tl.cookie },
    });
    expect(download.status).toBe(500);
    expect(await download.text()).toMatch(/tidak cocok lagi dengan SHA-256/);
  });
});
