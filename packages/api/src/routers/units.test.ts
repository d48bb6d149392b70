import { rebuildRollups } from '@netral/db/queries/rollups';
import { DomainError } from '@netral/domain/errors';
import { contests } from '@netral/domain/phases';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { BINTAN, createTestWorld, TANAH_LAUT, type TestWorld } from '../testing';

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(() => world.close());

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

function fieldPaths(error: TRPCError): string[] {
  if (error.cause instanceof ZodError) return error.cause.issues.map((i) => i.path.join('.'));
  if (error.cause instanceof DomainError) return error.cause.issues.map((i) => i.path);
  return [];
}

const tl = { regencyId: TANAH_LAUT };

describe('units.list', () => {
  it('lists the regency’s units to everyone who works there', async () => {
    const units = await world.callers.operator.units.list(tl);
    expect(units.map((u) => u.name)).toEqual(['Dinas Pendidikan']);
    expect(units[0]).toMatchObject({
      regencyId: TANAH_LAUT,
      kind: 'dinas',
      parentId: null,
      retiredAt: null,
      version: 1,
    });
  });

  it('shows nothing of Bintan to Tanah Laut, and nothing to analysts', async () => {
    expect((await caught(world.callers.tanahlaut.units.list({ regencyId: BINTAN }))).code).toBe('NOT_FOUND');
    expect((await caught(world.callers.analis.units.list(tl))).code).toBe('FORBIDDEN');
    expect((await world.callers.nasional.units.list({ regencyId: BINTAN })).map((u) => u.name)).toEqual([
      'Dinas Kesehatan',
    ]);
  });
});

describe('units.create / update / retire', () => {
  it('a regency admin creates a sub-unit; one audit event in the regency', async () => {
    const before = await auditCount();
    const sd = await world.callers.tanahlaut.units.create({
      ...tl,
      name: 'SD Negeri 1 Pelaihari',
      kind: 'sekolah',
      parentId: world.units.tanahLaut,
    });
    expect(sd).toMatchObject({ regencyId: TANAH_LAUT, parentId: world.units.tanahLaut, version: 1 });
    expect(await auditCount()).toBe(before + 1);
    const events = await world.callers.tanahlaut.audit.list({ ...tl, limit: 1 });
    expect(events.items[0]).toMatchObject({ action: 'unit.create', entityId: sd.id, actorUsername: 'tanahlaut' });
  });

  it('officers may not change units', async () => {
    const error = await caught(world.callers.operator.units.create({ ...tl, name: 'Dinas Baru', kind: 'dinas' }));
    expect(error.code).toBe('FORBIDDEN');
  });

  it('rejects bad input field by field', async () => {
    const error = await caught(
      world.callers.tanahlaut.units.create({ ...tl, name: '  ', kind: 'kantor' as never, parentId: 'x' }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldPaths(error).sort()).toEqual(['kind', 'name', 'parentId']);
  });

  it('refuses a parent from another regency (it does not exist for Tanah Laut)', async () => {
    const before = await auditCount();
    const error = await caught(
      world.callers.tanahlaut.units.create({ ...tl, name: 'Cabang', kind: 'upt', parentId: world.units.bintan }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldPaths(error)).toEqual(['parentId']);
    expect(await auditCount()).toBe(before);
  });

  it('updates with the current version, refuses a stale one, and refuses cycles', async () => {
    const parent = await world.callers.tanahlaut.units.create({ ...tl, name: 'Badan Keuangan', kind: 'badan' });
    const child = await world.callers.tanahlaut.units.create({
      ...tl,
      name: 'UPT Pajak',
      kind: 'upt',
      parentId: parent.id,
    });
    const before = await auditCount();
    const renamed = await world.callers.tanahlaut.units.update({ ...tl, id: parent.id, version: 1, name: 'BPKAD' });
    expect(renamed).toMatchObject({ name: 'BPKAD', version: 2 });
    expect(await auditCount()).toBe(before + 1);

    const stale = await caught(
      world.callers.tanahlaut.units.update({ ...tl, id: parent.id, version: 1, name: 'Basi' }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(await auditCount()).toBe(before + 1);

    const cycle = await caught(
      world.callers.tanahlaut.units.update({ ...tl, id: parent.id, version: 2, parentId: child.id }),
    );
    expect(cycle.code).toBe('BAD_REQUEST');
    expect(fieldPaths(cycle)).toEqual(['parentId']);
    const self = await caught(
      world.callers.tanahlaut.units.update({ ...tl, id: parent.id, version: 2, parentId: parent.id }),
    );
    expect(self.code).toBe('BAD_REQUEST');
    expect((await world.callers.tanahlaut.units.list(tl)).find((u) => u.id === parent.id)?.name).toBe('BPKAD');
  });

  it('retires a unit that cases point at (it stays, hidden from the default list) and restores it', async () => {
    const unit = await world.callers.tanahlaut.units.create({ ...tl, name: 'Kecamatan Lama', kind: 'kecamatan' });
    await world.db.withAdmin(async (trx) => {
      await trx
        .insertInto('contests')
        .values({ code: 'PILKADA_2024', data: JSON.stringify(contests.PILKADA_2024) })
        .execute();
      await trx
        .insertInto('cases')
        .values({
          regency_id: TANAH_LAUT,
          unit_id: unit.id,
          contest: 'PILKADA_2024',
          act_on: '2024-10-01',
          phase: 'KAMPANYE',
          phase_bucket: 'during',
          subject_name: 'Subjek',
          source: 'public_report',
          summary: 'Contoh',
        })
        .execute();
    });
    const before = await auditCount();
    const retired = await world.callers.tanahlaut.units.retire({ ...tl, id: unit.id, version: 1 });
    expect(retired.retiredAt).not.toBeNull();
    expect(await auditCount()).toBe(before + 1);
    expect((await world.callers.tanahlaut.units.list(tl)).map((u) => u.id)).not.toContain(unit.id);
    expect(
      (await world.callers.tanahlaut.units.list({ ...tl, includeRetired: true })).find((u) => u.id === unit.id)
        ?.retiredAt,
    ).toBe(retired.retiredAt);
    const restored = await world.callers.tanahlaut.units.retire({ ...tl, id: unit.id, version: 2, retired: false });
    expect(restored.retiredAt).toBeNull();
  });

  it('Tanah Laut cannot change Bintan’s unit, even by naming Tanah Laut', async () => {
    const viaOwn = await caught(
      world.callers.tanahlaut.units.update({ ...tl, id: world.units.bintan, version: 1, name: 'Diretas' }),
    );
    expect(viaOwn.code).toBe('NOT_FOUND');
    const viaBintan = await caught(
      world.callers.tanahlaut.units.retire({ regencyId: BINTAN, id: world.units.bintan, version: 1 }),
    );
    expect(viaBintan.code).toBe('NOT_FOUND');
    expect((await world.callers.bintan.units.list({ regencyId: BINTAN }))[0]).toMatchObject({
      name: 'Dinas Kesehatan',
      version: 1,
    });
  });
});

describe('case counts and deleting', () => {
  /** A case of Tanah Laut naming `unitId`, counted into the rollups as the case router would. */
  async function insertCase(unitId: string): Promise<void> {
    await world.db.withAdmin(async (trx) => {
      await trx
        .insertInto('contests')
        .values({ code: 'PILKADA_2024', data: JSON.stringify(contests.PILKADA_2024) })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
      await trx
        .insertInto('cases')
        .values({
          regency_id: TANAH_LAUT,
          unit_id: unitId,
          contest: 'PILKADA_2024',
          act_on: '2024-10-01',
          phase: 'KAMPANYE',
          phase_bucket: 'during',
          subject_name: 'Subjek',
          source: 'public_report',
          summary: 'Contoh',
        })
        .execute();
      await rebuildRollups(trx, [TANAH_LAUT]);
    });
  }

  it('lists how many cases name each unit', async () => {
    const unit = await world.callers.tanahlaut.units.create({ ...tl, name: 'Dinas Perhubungan', kind: 'dinas' });
    const countOf = async () => (await world.callers.tanahlaut.units.list(tl)).find((u) => u.id === unit.id)?.caseCount;
    expect(await countOf()).toBe(0);
    await insertCase(unit.id);
    await insertCase(unit.id);
    expect(await countOf()).toBe(2);
  });

  it('deletes a unit nothing points at, with one audit event, and refuses a stale version', async () => {
    const unit = await world.callers.tanahlaut.units.create({ ...tl, name: 'Salah Ketik', kind: 'badan' });
    const stale = await caught(world.callers.tanahlaut.units.remove({ ...tl, id: unit.id, version: 2 }));
    expect(stale.code).toBe('CONFLICT');
    const before = await auditCount();
    expect(await world.callers.tanahlaut.units.remove({ ...tl, id: unit.id, version: 1 })).toEqual({ id: unit.id });
    expect(await auditCount()).toBe(before + 1);
    const events = await world.callers.tanahlaut.audit.list({ ...tl, limit: 1 });
    expect(events.items[0]).toMatchObject({ action: 'unit.delete', entityId: unit.id, after: null });
    const list = await world.callers.tanahlaut.units.list({ ...tl, includeRetired: true });
    expect(list.map((u) => u.id)).not.toContain(unit.id);
    expect((await caught(world.callers.tanahlaut.units.remove({ ...tl, id: unit.id, version: 1 }))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('never deletes a unit that cases name or that has sub-units, and says what to do instead', async () => {
    const unit = await world.callers.tanahlaut.units.create({ ...tl, name: 'Kecamatan Takisung', kind: 'kecamatan' });
    await insertCase(unit.id);
    const before = await auditCount();
    const withCases = await caught(world.callers.tanahlaut.units.remove({ ...tl, id: unit.id, version: 1 }));
    expect(withCases.code).toBe('CONFLICT');
    expect(withCases.message).toMatch(/retire/i);
    expect((withCases.cause as DomainError).text.id).toMatch(/Nonaktifkan/);

    const parent = await world.callers.tanahlaut.units.create({ ...tl, name: 'Dinas Induk', kind: 'dinas' });
    await world.callers.tanahlaut.units.create({ ...tl, name: 'UPT Anak', kind: 'upt', parentId: parent.id });
    const withChildren = await caught(world.callers.tanahlaut.units.remove({ ...tl, id: parent.id, version: 1 }));
    expect(withChildren.code).toBe('CONFLICT');
    expect(withChildren.message).toMatch(/sub-units/);
    expect(await auditCount()).toBe(before + 2);
    expect((await world.callers.tanahlaut.units.list(tl)).map((u) => u.id)).toEqual(
      expect.arrayContaining([unit.id, parent.id]),
    );
  });

  it('is for regency admins of that regency only', async () => {
    const unit = await world.callers.tanahlaut.units.create({ ...tl, name: 'Badan Sementara', kind: 'badan' });
    expect((await caught(world.callers.operator.units.remove({ ...tl, id: unit.id, version: 1 }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await caught(world.callers.bintan.units.remove({ regencyId: BINTAN, id: unit.id, version: 1 }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await caught(world.callers.bintan.units.remove({ ...tl, id: unit.id, version: 1 }))).code).toBe(
      'NOT_FOUND',
    );
  });
});
