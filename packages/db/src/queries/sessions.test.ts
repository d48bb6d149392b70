import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixtures, insertFixtures } from '../test-fixtures';
import { createTestDb, type TestDb } from '../testing';
import {
  clearLoginFailures,
  countLoginFailures,
  createSession,
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findSession,
  recordLoginAttempt,
  touchSession,
} from './sessions';

let t: TestDb;
let f: Fixtures;
beforeAll(async () => {
  t = await createTestDb();
  f = await insertFixtures(t);
  await t.withAdmin((trx) =>
    trx
      .insertInto('user_roles')
      .values([
        { user_id: f.userId, role: 'regency_admin', regency_id: '63.01' },
        { user_id: f.userId, role: 'regency_officer', regency_id: '21.01' },
      ])
      .execute(),
  );
});
afterAll(() => t.close());

const hex = (c: string) => c.repeat(64);
const now = new Date('2026-01-01T00:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

describe('sessions', () => {
  it('finds a live session with its user and every role, as the app role with no tenant', async () => {
    await t.withTenant([], (trx) =>
      createSession(trx, { id: hex('a'), userId: f.userId, csrfToken: 'csrf', expiresAt: later(3600_000), now }),
    );
    const found = await t.withTenant([], (trx) => findSession(trx, hex('a'), now));
    expect(found).toMatchObject({ id: hex('a'), csrfToken: 'csrf', user: { id: f.userId, username: 'admin' } });
    expect(found?.user.grants).toEqual([
      { role: 'regency_admin', regencyId: '63.01', provinceCode: null },
      { role: 'regency_officer', regencyId: '21.01', provinceCode: null },
    ]);
  });

  it('does not find an expired session, or one of a disabled user', async () => {
    expect(await t.withTenant([], (trx) => findSession(trx, hex('a'), later(3600_000)))).toBeUndefined();
    await t.withAdmin((trx) => trx.updateTable('users').set({ disabled_at: now }).where('id', '=', f.userId).execute());
    expect(await t.withTenant([], (trx) => findSession(trx, hex('a'), now))).toBeUndefined();
    await t.withAdmin((trx) =>
      trx.updateTable('users').set({ disabled_at: null }).where('id', '=', f.userId).execute(),
    );
  });

  it('finds sessions as one plain statement on the admin handle, each with its own id and time', async () => {
    // The query is compiled once per handle and reused with each call's values.
    expect((await findSession(t.db, hex('a'), now))?.csrfToken).toBe('csrf');
    expect(await findSession(t.db, hex('a'), later(3600_000))).toBeUndefined();
    expect(await findSession(t.db, hex('f'), now)).toBeUndefined();
    expect((await findSession(t.db, hex('a'), later(1000)))?.user.grants).toHaveLength(2);
  });

  it('touches only a live session', async () => {
    await t.withAdmin(async (trx) => {
      await createSession(trx, { id: hex('d'), userId: f.userId, csrfToken: 'd', expiresAt: later(60_000), now });
      expect(await touchSession(trx, hex('d'), later(60_000), later(120_000))).toBe(false);
      expect(await touchSession(trx, hex('d'), later(30_000), later(120_000))).toBe(true);
      await deleteSession(trx, hex('d'));
      expect(await touchSession(trx, hex('d'), later(40_000), later(120_000))).toBe(false);
    });
  });

  it('touches, deletes one, expired ones, and all of a user', async () => {
    await t.withTenant([], async (trx) => {
      expect(await touchSession(trx, hex('a'), later(60_000), later(7200_000))).toBe(true);
      expect((await findSession(trx, hex('a'), later(3700_000)))?.lastSeenAt).toEqual(later(60_000));
      await createSession(trx, { id: hex('b'), userId: f.userId, csrfToken: 'x', expiresAt: later(1), now });
      await createSession(trx, { id: hex('c'), userId: f.userId, csrfToken: 'y', expiresAt: later(9e6), now });
      await deleteExpiredSessions(trx, f.userId, later(10));
      expect(await findSession(trx, hex('b'), now)).toBeUndefined();
      await deleteSession(trx, hex('c'));
      expect(await findSession(trx, hex('c'), now)).toBeUndefined();
      expect(await deleteUserSessions(trx, f.userId)).toBe(1);
    });
  });
});

describe('login attempts', () => {
  it('counts failures of one key inside the window and clears them', async () => {
    await t.withTenant([], async (trx) => {
      await recordLoginAttempt(trx, 'admin|1.2.3.4', false, now);
      await recordLoginAttempt(trx, 'admin|1.2.3.4', false, later(60_000));
      await recordLoginAttempt(trx, 'admin|1.2.3.4', true, later(60_000));
      await recordLoginAttempt(trx, 'admin|5.6.7.8', false, later(60_000));
      expect(await countLoginFailures(trx, 'admin|1.2.3.4', later(-1))).toBe(2);
      expect(await countLoginFailures(trx, 'admin|1.2.3.4', later(1))).toBe(1);
      await clearLoginFailures(trx, 'admin|1.2.3.4');
      expect(await countLoginFailures(trx, 'admin|1.2.3.4', later(-1))).toBe(0);
      expect(await countLoginFailures(trx, 'admin|5.6.7.8', later(-1))).toBe(1);
    });
  });
});
