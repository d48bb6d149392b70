import { DomainError } from '@netral/domain/errors';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { lookupSession, signIn } from '../auth';
import { BINTAN, createTestWorld, TANAH_LAUT, type TestWorld } from '../testing';

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(() => world.close());

async function auditEvents() {
  return world.db.withAdmin((trx) => trx.selectFrom('audit_events').selectAll().orderBy('id').execute());
}

/** Runs `fn` and returns the audit events it wrote. */
async function audited(fn: () => Promise<unknown>) {
  const before = (await auditEvents()).length;
  await fn();
  return (await auditEvents()).slice(before);
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

function fieldPaths(error: TRPCError): string[] {
  if (error.cause instanceof ZodError) return error.cause.issues.map((i) => i.path.join('.'));
  if (error.cause instanceof DomainError) return error.cause.issues.map((i) => i.path);
  return [];
}

const officer = (regencyId: string) => ({ role: 'regency_officer' as const, regencyId });

describe('users.list', () => {
  it('a national admin sees every user', async () => {
    const names = (await world.callers.nasional.users.list()).map((u) => u.username);
    expect(names).toEqual(expect.arrayContaining(['analis', 'bintan', 'nasional', 'operator.tanahlaut', 'tanahlaut']));
  });

  it('a regency admin sees the users of their regency only', async () => {
    const names = (await world.callers.tanahlaut.users.list()).map((u) => u.username);
    expect(names).toContain('operator.tanahlaut');
    expect(names).not.toContain('bintan');
    expect(names).not.toContain('analis');
    expect(names).not.toContain('nasional');
    expect((await caught(world.callers.tanahlaut.users.list({ regencyId: BINTAN }))).code).toBe('NOT_FOUND');
  });

  it('analysts and officers get no names', async () => {
    expect((await caught(world.callers.analis.users.list())).code).toBe('FORBIDDEN');
    expect((await caught(world.callers.operator.users.list())).code).toBe('FORBIDDEN');
    expect((await caught(world.callerFor({}).users.list())).code).toBe('UNAUTHORIZED');
  });

  it('shows a Tanah Laut admin only the Tanah Laut roles of a user who also works in Bintan', async () => {
    const both = await world.callers.nasional.users.create({
      username: 'dua.daerah',
      displayName: 'Dua Daerah',
      password: 'password-yang-panjang',
      grants: [officer(TANAH_LAUT), officer(BINTAN)],
    });
    const seen = (await world.callers.tanahlaut.users.list()).find((u) => u.id === both.id);
    expect(seen?.grants).toEqual([{ role: 'regency_officer', regencyId: TANAH_LAUT, provinceCode: null }]);
  });
});

describe('users.create', () => {
  it('a regency admin creates an officer of their regency who can then sign in; one audit event in the regency', async () => {
    let id = '';
    const events = await audited(async () => {
      const user = await world.callers.tanahlaut.users.create({
        username: 'Petugas.Baru',
        displayName: 'Petugas Baru',
        password: 'sandi-rahasia-1',
        grants: [officer(TANAH_LAUT)],
      });
      expect(user.username).toBe('petugas.baru');
      expect(user.version).toBe(1);
      id = user.id;
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'user.create', regency_id: TANAH_LAUT, entity_id: id });
    expect(JSON.stringify(events[0]?.after)).not.toContain('argon2');
    const signedIn = await signIn(world.db, {
      username: 'petugas.baru',
      password: 'sandi-rahasia-1',
      clientKey: 'test',
      now: new Date(),
    });
    expect(signedIn.ok).toBe(true);
  });

  it('refuses roles outside the regency admin’s regencies', async () => {
    const error = await caught(
      world.callers.tanahlaut.users.create({
        username: 'penyusup',
        displayName: 'Penyusup',
        password: 'password-yang-panjang',
        grants: [officer(BINTAN)],
      }),
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(fieldPaths(error)).toEqual(['grants.0']);
    const error2 = await caught(
      world.callers.tanahlaut.users.create({
        username: 'analis.baru',
        displayName: 'Analis',
        password: 'password-yang-panjang',
        grants: [{ role: 'analyst' }],
      }),
    );
    expect(error2.code).toBe('FORBIDDEN');
  });

  it('rejects a short password, a bad username and a role without its regency, field by field', async () => {
    const error = await caught(
      world.callers.nasional.users.create({
        username: 'a b',
        displayName: '',
        password: 'short',
        grants: [{ role: 'regency_officer' }],
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldPaths(error).sort()).toEqual(['displayName', 'grants.0.regencyId', 'password', 'username']);
  });

  it('rejects a taken username (any case) as a field error', async () => {
    const events = await audited(async () => {
      const error = await caught(
        world.callers.nasional.users.create({
          username: 'TANAHLAUT',
          displayName: 'Kembar',
          password: 'password-yang-panjang',
          grants: [officer(TANAH_LAUT)],
        }),
      );
      expect(error.code).toBe('BAD_REQUEST');
      expect(fieldPaths(error)).toEqual(['username']);
    });
    expect(events).toEqual([]);
  });

  it('a national admin may create national roles; the event goes to the national chain', async () => {
    const events = await audited(() =>
      world.callers.nasional.users.create({
        username: 'analis.kalsel',
        displayName: 'Analis Kalsel',
        password: 'password-yang-panjang',
        grants: [{ role: 'analyst', provinceCode: '63' }],
      }),
    );
    expect(events.map((e) => [e.action, e.regency_id])).toEqual([['user.create', null]]);
  });
});

describe('users.update and users.disable', () => {
  it('renames with the current version, refuses a stale one and changes nothing', async () => {
    const user = await world.callers.tanahlaut.users.create({
      username: 'ubah.saya',
      displayName: 'Ubah Saya',
      password: 'password-yang-panjang',
      grants: [officer(TANAH_LAUT)],
    });
    const events = await audited(async () => {
      const renamed = await world.callers.tanahlaut.users.update({
        id: user.id,
        version: 1,
        displayName: 'Sudah Diubah',
      });
      expect(renamed).toMatchObject({ displayName: 'Sudah Diubah', version: 2 });
    });
    expect(events.map((e) => e.action)).toEqual(['user.update']);

    const stale = await audited(async () => {
      const error = await caught(
        world.callers.tanahlaut.users.update({ id: user.id, version: 1, displayName: 'Basi' }),
      );
      expect(error.code).toBe('CONFLICT');
    });
    expect(stale).toEqual([]);
    expect((await world.callers.tanahlaut.users.get({ id: user.id })).displayName).toBe('Sudah Diubah');
  });

  it('a password reset ends the user’s sessions', async () => {
    const user = await world.callers.tanahlaut.users.create({
      username: 'lupa.sandi',
      displayName: 'Lupa Sandi',
      password: 'password-yang-panjang',
      grants: [officer(TANAH_LAUT)],
    });
    const session = await signIn(world.db, {
      username: 'lupa.sandi',
      password: 'password-yang-panjang',
      clientKey: 'test',
      now: new Date(),
    });
    if (!session.ok) throw new Error('sign-in failed');
    const events = await audited(() =>
      world.callers.tanahlaut.users.update({ id: user.id, version: 1, password: 'sandi-baru-yang-panjang' }),
    );
    expect(events.map((e) => e.action)).toEqual(['user.update_password']);
    expect(await lookupSession(world.db, session.token)).toBeNull();
  });

  it('a regency admin cannot touch Bintan’s users or national roles', async () => {
    const bintanId = world.users.bintan.id;
    expect((await caught(world.callers.tanahlaut.users.get({ id: bintanId }))).code).toBe('NOT_FOUND');
    expect(
      (await caught(world.callers.tanahlaut.users.update({ id: bintanId, version: 1, displayName: 'x' }))).code,
    ).toBe('NOT_FOUND');
    expect((await caught(world.callers.tanahlaut.users.disable({ id: bintanId, version: 1 }))).code).toBe('NOT_FOUND');
    expect((await caught(world.callers.tanahlaut.users.get({ id: world.users.nasional.id }))).code).toBe('NOT_FOUND');
  });

  it('regency grants replace only those inside the admin’s regencies', async () => {
    const user = await world.callers.nasional.users.create({
      username: 'pindah.peran',
      displayName: 'Pindah Peran',
      password: 'password-yang-panjang',
      grants: [officer(TANAH_LAUT), officer(BINTAN)],
    });
    const updated = await world.callers.tanahlaut.users.update({
      id: user.id,
      version: 1,
      grants: [{ role: 'regency_admin', regencyId: TANAH_LAUT }],
    });
    expect(updated.grants).toEqual([{ role: 'regency_admin', regencyId: TANAH_LAUT, provinceCode: null }]);
    const all = (await world.callers.nasional.users.get({ id: user.id })).grants.map((g) => `${g.role}@${g.regencyId}`);
    expect(all.sort()).toEqual(['regency_admin@63.01', 'regency_officer@21.01']);
  });

  it('disabling ends sign-in and sessions, writes one event, and can be undone', async () => {
    const user = await world.callers.tanahlaut.users.create({
      username: 'akan.nonaktif',
      displayName: 'Akan Nonaktif',
      password: 'password-yang-panjang',
      grants: [officer(TANAH_LAUT)],
    });
    const login = () =>
      signIn(world.db, {
        username: 'akan.nonaktif',
        password: 'password-yang-panjang',
        clientKey: 't',
        now: new Date(),
      });
    const session = await login();
    if (!session.ok) throw new Error('sign-in failed');

    const events = await audited(async () => {
      const disabled = await world.callers.tanahlaut.users.disable({ id: user.id, version: 1 });
      expect(disabled.disabledAt).not.toBeNull();
    });
    expect(events.map((e) => [e.action, e.regency_id])).toEqual([['user.disable', TANAH_LAUT]]);
    expect(await lookupSession(world.db, session.token)).toBeNull();
    expect((await login()).ok).toBe(false);

    expect((await caught(world.callers.tanahlaut.users.disable({ id: user.id, version: 1 }))).code).toBe('CONFLICT');
    const enabled = await world.callers.tanahlaut.users.disable({ id: user.id, version: 2, disabled: false });
    expect(enabled.disabledAt).toBeNull();
    expect((await login()).ok).toBe(true);
  });

  it('nobody disables themselves', async () => {
    const error = await caught(world.callers.tanahlaut.users.disable({ id: world.users.tanahlaut.id, version: 1 }));
    expect(error.code).toBe('FORBIDDEN');
  });
});
