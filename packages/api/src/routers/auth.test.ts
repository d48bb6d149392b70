import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { LOGIN_MAX_FAILURES, lookupSession } from '../auth';
import type { Context } from '../context';
import { createTestWorld, TEST_PASSWORD, type TestWorld } from '../testing';

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(() => world.close());

/** A cookie jar standing in for the HTTP reply: records what the router sets. */
function jar() {
  const state: { token: string | null; expiresAt: Date | null; cleared: number } = {
    token: null,
    expiresAt: null,
    cleared: 0,
  };
  const cookies: Context['cookies'] = {
    set(token, expiresAt) {
      state.token = token;
      state.expiresAt = expiresAt;
    },
    clear() {
      state.token = null;
      state.cleared += 1;
    },
  };
  return { state, cookies };
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

async function caught(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

/** A caller over "HTTP" for the session behind `token`, as the server would build it. */
async function httpCaller(token: string, csrfHeader: string | null, cookies: Context['cookies']) {
  const found = await lookupSession(world.db, token);
  if (!found) throw new Error('no session');
  return world.callerFor({ user: found.user, session: found.session, transport: 'http', csrfHeader, cookies });
}

describe('auth.login', () => {
  it('signs in, sets the session cookie and returns the user, roles and CSRF token', async () => {
    const { state, cookies } = jar();
    const before = await auditCount();
    const result = await world.callerFor({ cookies, clientKey: '203.0.113.1' }).auth.login({
      username: 'tanahlaut',
      password: TEST_PASSWORD,
    });
    expect(result.user).toEqual({
      id: world.users.tanahlaut.id,
      username: 'tanahlaut',
      displayName: 'Admin Tanah Laut',
      locale: 'id',
    });
    expect(result.grants).toEqual([{ role: 'regency_admin', regencyId: '63.01', provinceCode: null }]);
    expect(state.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(state.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 11 * 3600_000);
    const found = await lookupSession(world.db, state.token ?? '');
    expect(found?.session.csrfToken).toBe(result.csrfToken);
    expect(await auditCount()).toBe(before + 1);
  });

  it('refuses a wrong password with UNAUTHORIZED in the caller’s language, and sets no cookie', async () => {
    const { state, cookies } = jar();
    const id = await caught(
      world.callerFor({ cookies, clientKey: '203.0.113.2' }).auth.login({ username: 'tanahlaut', password: 'salah' }),
    );
    expect(id.code).toBe('UNAUTHORIZED');
    expect(state.token).toBeNull();
    const en = await caught(
      world
        .callerFor({ cookies, clientKey: '203.0.113.2', locale: 'en' })
        .auth.login({ username: 'nobody', password: 'wrong' }),
    );
    expect(en.code).toBe('UNAUTHORIZED');
  });

  it('throttles after repeated failures with TOO_MANY_REQUESTS', async () => {
    const caller = world.callerFor({ clientKey: '203.0.113.3' });
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      expect((await caught(caller.auth.login({ username: 'bintan', password: 'nope' }))).code).toBe('UNAUTHORIZED');
    }
    const error = await caught(caller.auth.login({ username: 'bintan', password: TEST_PASSWORD }));
    expect(error.code).toBe('TOO_MANY_REQUESTS');
    expect(error.message).toMatch(/Terlalu banyak percobaan .* \/ Too many failed sign-in attempts/);
  });

  it('rejects empty fields with BAD_REQUEST and field messages', async () => {
    const error = await caught(world.callerFor({}).auth.login({ username: ' ', password: '' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.cause).toBeInstanceOf(ZodError);
    expect((error.cause as ZodError).issues.map((i) => i.path.join('.')).sort()).toEqual(['password', 'username']);
  });
});

describe('auth.me and auth.logout', () => {
  it('me is null when signed out', async () => {
    expect(await world.callerFor({}).auth.me()).toBeNull();
  });

  it('me returns the user, roles and CSRF token; logout needs that token, ends the session and clears the cookie', async () => {
    const { state, cookies } = jar();
    const login = await world
      .callerFor({ cookies, clientKey: '203.0.113.9' })
      .auth.login({ username: 'operator.tanahlaut', password: TEST_PASSWORD });
    const token = state.token ?? '';

    const me = await (await httpCaller(token, null, cookies)).auth.me();
    expect(me?.user.username).toBe('operator.tanahlaut');
    expect(me?.grants).toEqual([{ role: 'regency_officer', regencyId: '63.01', provinceCode: null }]);
    expect(me?.csrfToken).toBe(login.csrfToken);

    // Without the CSRF header a browser-borne mutation is refused and changes nothing.
    const before = await auditCount();
    const refused = await caught((await httpCaller(token, null, cookies)).auth.logout());
    expect(refused.code).toBe('FORBIDDEN');
    const wrong = await caught((await httpCaller(token, 'forged', cookies)).auth.logout());
    expect(wrong.code).toBe('FORBIDDEN');
    expect(await lookupSession(world.db, token)).not.toBeNull();
    expect(await auditCount()).toBe(before);

    expect(await (await httpCaller(token, login.csrfToken, cookies)).auth.logout()).toEqual({ ok: true });
    expect(await lookupSession(world.db, token)).toBeNull();
    expect(state.cleared).toBe(1);
    expect(await auditCount()).toBe(before + 1);
  });

  it('logout needs a session', async () => {
    expect((await caught(world.callerFor({}).auth.logout())).code).toBe('UNAUTHORIZED');
  });
});
