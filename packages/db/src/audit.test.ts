import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, canonicalJson, verifyAuditChain } from './audit';
import type { DB } from './schema';
import { insertReferenceData } from './test-fixtures';
import { createTestDb, type TestDb } from './testing';

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  await t.withAdmin(insertReferenceData);
}, 60_000);

afterAll(() => t?.close());

const event = (regencyId: string | null, action: string) => ({
  regencyId,
  actorId: null,
  action,
  entity: 'case',
  entityId: 'c-1',
});

/** Runs `fn` as the admin and rolls everything back, so tampering stays inside one test. */
async function inRolledBackAdmin<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  let result: T | undefined;
  const rollback = new Error('rollback');
  await expect(
    t.withAdmin(async (trx) => {
      result = await fn(trx);
      throw rollback;
    }),
  ).rejects.toBe(rollback);
  return result as T;
}

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }, 2] })).toBe('{"a":[{"c":"x","d":null},2],"b":1}');
  });
});

describe('the audit chain', () => {
  beforeAll(async () => {
    await t.withTenant(['63.01'], async (trx) => {
      await appendAudit(trx, {
        ...event('63.01', 'case.create'),
        after: { status: 'received', summary: 'Unggahan', tags: ['a', 'b'], at: new Date('2024-09-10T01:02:03Z') },
      });
      await appendAudit(trx, {
        ...event('63.01', 'case.transition'),
        before: { status: 'received', nested: { z: 1, y: [1.5, true, null] } },
        after: { status: 'verifying', nested: { y: [1.5, true, null], z: 1 }, dropped: undefined },
      });
      // A regency transaction appends to the chain without a regency, which it cannot read.
      await appendAudit(trx, { ...event(null, 'user.password'), entity: 'user' });
    });
    await t.withTenant(['21.01'], (trx) => appendAudit(trx, event('21.01', 'case.create')));
    await t.withAdmin((trx) => appendAudit(trx, { ...event(null, 'taxonomy.override'), entity: 'prohibition_type' }));
    // Concurrent requests of one regency must not fork its chain.
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => t.withTenant(['63.01'], (trx) => appendAudit(trx, event('63.01', `c${i}`)))),
    );
  });

  it('verifies every chain', async () => {
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, count: 13 });
    expect(await verifyAuditChain(t.db, '63.01')).toEqual({ ok: true, count: 10 });
    expect(await verifyAuditChain(t.db, '21.01')).toEqual({ ok: true, count: 1 });
    expect(await verifyAuditChain(t.db, null)).toEqual({ ok: true, count: 2 });
  });

  it('links each event to the previous one of its regency', async () => {
    const rows = await t.db
      .selectFrom('audit_events')
      .select(['regency_id', 'prev_hash', 'hash'])
      .orderBy('id')
      .execute();
    const chain = rows.filter((row) => row.regency_id === null);
    expect(chain[0]?.prev_hash).toBeNull();
    expect(chain[1]?.prev_hash).toBe(chain[0]?.hash);
  });

  it('can be verified by a regency inside its own tenant transaction', async () => {
    expect(await t.withTenant(['21.01'], (trx) => verifyAuditChain(trx, '21.01'))).toEqual({ ok: true, count: 1 });
    // The chain without a regency is not visible to a regency.
    expect(await t.withTenant(['21.01'], (trx) => verifyAuditChain(trx, null))).toEqual({ ok: true, count: 0 });
  });

  it('detects an event changed behind its back', async () => {
    const result = await inRolledBackAdmin(async (trx) => {
      const target = await trx
        .selectFrom('audit_events')
        .select('id')
        .where('action', '=', 'case.transition')
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('audit_events')
        .set({ after: JSON.stringify({ status: 'not_proven' }) })
        .where('id', '=', target.id)
        .execute();
      return { id: target.id, verdict: await verifyAuditChain(trx) };
    });
    expect(result.verdict).toEqual({ ok: false, brokenAt: result.id, reason: 'hash does not match the event' });
  });

  it('detects an event changed with its hash recomputed, at the next event', async () => {
    const result = await inRolledBackAdmin(async (trx) => {
      const [first, second] = await trx
        .selectFrom('audit_events')
        .selectAll()
        .where('regency_id', '=', '63.01')
        .orderBy('id')
        .limit(2)
        .execute();
      if (!first || !second) throw new Error('fixture');
      const forged = { ...first, action: 'case.delete' };
      const body = {
        regencyId: forged.regency_id,
        actorId: forged.actor_id,
        action: forged.action,
        entity: forged.entity,
        entityId: forged.entity_id,
        before: forged.before,
        after: forged.after,
        at: forged.at.toISOString(),
      };
      const hash = createHash('sha256')
        .update((forged.prev_hash ?? '') + canonicalJson(body))
        .digest('hex');
      await trx.updateTable('audit_events').set({ action: forged.action, hash }).where('id', '=', first.id).execute();
      return { second: second.id, verdict: await verifyAuditChain(trx, '63.01') };
    });
    expect(result.verdict).toMatchObject({ ok: false, brokenAt: result.second });
  });

  it('detects a removed event', async () => {
    const result = await inRolledBackAdmin(async (trx) => {
      const rows = await trx
        .selectFrom('audit_events')
        .select('id')
        .where('regency_id', '=', '63.01')
        .orderBy('id')
        .execute();
      const removed = rows[1];
      const next = rows[2];
      if (!removed || !next) throw new Error('fixture');
      await trx.deleteFrom('audit_events').where('id', '=', removed.id).execute();
      return { next: next.id, verdict: await verifyAuditChain(trx, '63.01') };
    });
    expect(result.verdict).toMatchObject({ ok: false, brokenAt: result.next });
  });
});
