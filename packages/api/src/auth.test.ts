import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hashPassword,
  LOGIN_MAX_FAILURES,
  LOGIN_WINDOW_MS,
  lookupSession,
  SESSION_TOUCH_MS,
  SESSION_TTL_MS,
  sessionIdOf,
  signIn,
  verifyPassword,
} from './auth';
import { createTestWorld, TEST_PASSWORD, type TestWorld } from './testing';

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(() => world.close());

describe('passwords', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse batterY')).toBe(false);
  });

  it('treats a malformed hash as a mismatch', async () => {
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
  });
});

describe('signIn and lookupSession', () => {
  it('opens a session whose cookie token finds the user and roles; the database keeps only its hash', async () => {
    const now = new Date();
    const result = await signIn(world.db, {
      username: 'TanahLaut',
      password: TEST_PASSWORD,
      clientKey: '10.0.0.1',
      now,
    });
    if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
    expect(result.user.username).toBe('tanahlaut');
    expect(result.user.grants).toEqual([{ role: 'regency_admin', regencyId: '63.01', provinceCode: null }]);
    expect(result.sessionId).toBe(sessionIdOf(result.token));

    const stored = await world.db.withAdmin((trx) =>
      trx.selectFrom('sessions').selectAll().where('user_id', '=', result.user.id).execute(),
    );
    expect(stored.map((s) => s.id)).toContain(sessionIdOf(result.token));
    expect(stored.some((s) => s.id === result.token)).toBe(false);

    const found = await lookupSession(world.db, result.token, now);
    expect(found?.user.id).toBe(world.users.tanahlaut.id);
    expect(found?.session.csrfToken).toBe(result.csrfToken);
    expect(found?.renewed).toBe(false);
  });

  it('slides the expiry at most once a minute', async () => {
    const start = new Date();
    const result = await signIn(world.db, {
      username: 'bintan',
      password: TEST_PASSWORD,
      clientKey: '10.0.0.2',
      now: start,
    });
    if (!result.ok) throw new Error('sign-in failed');
    const soon = await lookupSession(world.db, result.token, new Date(start.getTime() + 30_000));
    expect(soon?.renewed).toBe(false);
    const later = new Date(start.getTime() + SESSION_TOUCH_MS + 1000);
    const renewed = await lookupSession(world.db, result.token, later);
    expect(renewed?.renewed).toBe(true);
    expect(renewed?.expiresAt.getTime()).toBe(later.getTime() + SESSION_TTL_MS);
    // Past the original expiry but within the slid one: still signed in.
    const afterFirstExpiry = new Date(start.getTime() + SESSION_TTL_MS + 10_000);
    expect(await lookupSession(world.db, result.token, afterFirstExpiry)).not.toBeNull();
    // That use slid it again; 12 hours without use end it.
    const unused = new Date(afterFirstExpiry.getTime() + SESSION_TTL_MS + 1);
    expect(await lookupSession(world.db, result.token, unused)).toBeNull();
  });

  it('finds nothing for unknown, malformed or empty tokens', async () => {
    expect(await lookupSession(world.db, 'x'.repeat(43))).toBeNull();
    expect(await lookupSession(world.db, "' or 1=1 --")).toBeNull();
    expect(await lookupSession(world.db, '')).toBeNull();
  });

  it('refuses a disabled user and ends nothing else', async () => {
    const now = new Date();
    const result = await signIn(world.db, { username: 'analis', password: TEST_PASSWORD, clientKey: '10.0.0.3', now });
    if (!result.ok) throw new Error('sign-in failed');
    await world.db.withAdmin((trx) =>
      trx.updateTable('users').set({ disabled_at: now }).where('id', '=', world.users.analis.id).execute(),
    );
    try {
      expect(await lookupSession(world.db, result.token, now)).toBeNull();
      const again = await signIn(world.db, { username: 'analis', password: TEST_PASSWORD, clientKey: '10.0.0.3', now });
      expect(again).toEqual({ ok: false, reason: 'invalid' });
    } finally {
      await world.db.withAdmin((trx) =>
        trx.updateTable('users').set({ disabled_at: null }).where('id', '=', world.users.analis.id).execute(),
      );
    }
  });

  it('answers an unknown user like a wrong password, after as much work', async () => {
    const now = new Date();
    const t0 = performance.now();
    const unknown = await signIn(world.db, {
      username: 'nobody',
      password: 'whatever-123',
      clientKey: '10.0.0.4',
      now,
    });
    const t1 = performance.now();
    const wrong = await signIn(world.db, {
      username: 'operator.tanahlaut',
      password: 'wrong-pass',
      clientKey: '10.0.0.4',
      now,
    });
    const t2 = performance.now();
    expect(unknown).toEqual({ ok: false, reason: 'invalid' });
    expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    // Both verified an argon2id hash (milliseconds), not a short-cut lookup miss.
    expect(t1 - t0).toBeGreaterThan(3);
    expect(t2 - t1).toBeGreaterThan(3);
  });
});

describe('login throttling', () => {
  it(`locks a username from one address after ${LOGIN_MAX_FAILURES} failures, for that pair only`, async () => {
    const now = new Date();
    const attempt = (password: string, clientKey = '192.0.2.1', at = now) =>
      signIn(world.db, { username: 'nasional', password, clientKey, now: at });
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++)
      expect(await attempt('wrong')).toEqual({ ok: false, reason: 'invalid' });
    // Even the right password is refused now, without being checked.
    expect(await attempt(TEST_PASSWORD)).toEqual({ ok: false, reason: 'throttled' });
    // Another address is not affected.
    expect((await attempt(TEST_PASSWORD, '192.0.2.2')).ok).toBe(true);
    // After the window the user may try again, and a success clears the count.
    const later = new Date(now.getTime() + LOGIN_WINDOW_MS + 1000);
    expect((await attempt(TEST_PASSWORD, '192.0.2.1', later)).ok).toBe(true);
    const failures = await world.db.withAdmin((trx) =>
      trx.selectFrom('login_attempts').select('ok').where('key', '=', 'nasional|192.0.2.1').execute(),
    );
    expect(failures.filter((f) => !f.ok)).toEqual([]);
  });

  it('clears earlier failures on success, so they do not add up with later ones', async () => {
    const now = new Date();
    const attempt = (password: string) =>
      signIn(world.db, { username: 'bintan', password, clientKey: '198.51.100.7', now });
    for (let i = 0; i < LOGIN_MAX_FAILURES - 1; i++) await attempt('wrong');
    expect((await attempt(TEST_PASSWORD)).ok).toBe(true);
    for (let i = 0; i < LOGIN_MAX_FAILURES - 1; i++) await attempt('wrong');
    expect((await attempt(TEST_PASSWORD)).ok).toBe(true);
  });
});
