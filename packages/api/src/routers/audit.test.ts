import { TRPCError } from '@trpc/server';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BINTAN, createTestWorld, TANAH_LAUT, type TestWorld } from '../testing';

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
  // Some history in each regency.
  for (const name of ['Dinas A', 'Dinas B', 'Dinas C']) {
    await world.callers.tanahlaut.units.create({ regencyId: TANAH_LAUT, name, kind: 'dinas' });
  }
  await world.callers.bintan.units.create({ regencyId: BINTAN, name: 'Dinas Rahasia Bintan', kind: 'dinas' });
});
afterAll(() => world.close());

async function caught(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('audit.list', () => {
  it('pages through the regency’s events newest first, with the actor’s username', async () => {
    const first = await world.callers.tanahlaut.audit.list({ regencyId: TANAH_LAUT, limit: 2 });
    expect(first.items.map((e) => (e.after as { name: string }).name)).toEqual(['Dinas C', 'Dinas B']);
    expect(first.items[0]).toMatchObject({ action: 'unit.create', entity: 'unit', actorUsername: 'tanahlaut' });
    expect(first.nextCursor).not.toBeNull();
    const second = await world.callers.tanahlaut.audit.list({
      regencyId: TANAH_LAUT,
      limit: 2,
      cursor: first.nextCursor,
    });
    expect(second.items.map((e) => (e.after as { name: string }).name)).toEqual(['Dinas A']);
    expect(second.nextCursor).toBeNull();
  });

  it('shows Tanah Laut nothing of Bintan', async () => {
    expect((await caught(world.callers.tanahlaut.audit.list({ regencyId: BINTAN }))).code).toBe('NOT_FOUND');
    const own = await world.callers.tanahlaut.audit.list({ regencyId: TANAH_LAUT, limit: 200 });
    expect(JSON.stringify(own)).not.toContain('Rahasia Bintan');
  });

  it('is for administrators: officers and analysts are refused', async () => {
    expect((await caught(world.callers.operator.audit.list({ regencyId: TANAH_LAUT }))).code).toBe('FORBIDDEN');
    expect((await caught(world.callers.analis.audit.list({ regencyId: TANAH_LAUT }))).code).toBe('FORBIDDEN');
    expect((await world.callers.nasional.audit.list({ regencyId: BINTAN })).items).toHaveLength(1);
  });
});

describe('audit.verify', () => {
  it('confirms an intact chain and finds a tampered event', async () => {
    expect(await world.callers.tanahlaut.audit.verify({ regencyId: TANAH_LAUT })).toEqual({ ok: true, count: 3 });
    const events = await world.callers.tanahlaut.audit.list({ regencyId: TANAH_LAUT, limit: 3 });
    const middle = events.items[1]?.id ?? 0;
    // Tampering needs the admin connection: the app role cannot update the log at all.
    await world.db.withAdmin((trx) =>
      sql`update audit_events set action = 'unit.retire' where id = ${middle}`.execute(trx),
    );
    const result = await world.callers.tanahlaut.audit.verify({ regencyId: TANAH_LAUT });
    expect(result).toMatchObject({ ok: false, brokenAt: middle });
    // Bintan's chain is its own and still intact.
    expect(await world.callers.bintan.audit.verify({ regencyId: BINTAN })).toEqual({ ok: true, count: 1 });
  });
});
