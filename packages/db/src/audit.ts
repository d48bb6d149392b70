/**
 * The append-only, hash-chained audit log.
 *
 * Each event's `hash` is `sha256(prev_hash + canonical JSON of the event)`, `prev_hash` being the
 * hash of the previous event of the same chain. There is one chain per regency and one for events
 * without a regency: a regency's transaction sees all of its own chain through row-level security,
 * and regencies never wait on each other's lock. Appends to one chain are serialized with a
 * transaction-scoped advisory lock, so concurrent requests cannot fork it.
 *
 * Changing or deleting an event breaks the chain at that event (or the next one); removing the
 * newest events of a chain is only visible against a copy of its head kept elsewhere.
 */
import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { AuditEvent, DB, JsonValue } from './schema';

export interface AuditInput {
  /** The regency the event belongs to; null for events of no regency (users, taxonomy…). */
  regencyId: string | null;
  /** The user who acted; null for the system. */
  actorId: string | null;
  /** What happened, e.g. `case.transition`, `circular.publish`. */
  action: string;
  /** The kind of record, e.g. `case`. */
  entity: string;
  entityId: string | null;
  /** The record before the change (JSON-serializable; `Date`s become ISO strings). */
  before?: unknown;
  /** The record after the change. */
  after?: unknown;
}

/** An appended event, as stored. */
export interface AuditRecord {
  regencyId: string | null;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: JsonValue;
  after: JsonValue;
  at: Date;
  prevHash: string | null;
  hash: string;
}

export type AuditChainResult = { ok: true; count: number } | { ok: false; brokenAt: number; reason: string };

/** First key of the audit advisory locks ('NAUD'), apart from other advisory lock users. */
const AUDIT_LOCK_CLASS = 0x4e415544;

/**
 * JSON with object keys sorted at every level, so the same event always hashes the same,
 * whatever key order jsonb returns.
 */
export function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as JsonValue)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What JSON makes of a value (toJSON, dropped undefined), or null: what jsonb will give back. */
function toJsonValue(value: unknown): JsonValue {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}

function hashEvent(prevHash: string | null, event: Omit<AuditRecord, 'prevHash' | 'hash'>): string {
  const body: JsonValue = {
    regencyId: event.regencyId,
    actorId: event.actorId,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId,
    before: event.before,
    after: event.after,
    at: event.at.toISOString(),
  };
  return createHash('sha256')
    .update((prevHash ?? '') + canonicalJson(body))
    .digest('hex');
}

/**
 * Appends an event to its regency's chain, in the caller's transaction (the one that made the
 * change, so both commit or neither). Works as the app role (`withTenant`) or the admin.
 * Requires READ COMMITTED (the default): the chain head is read after the lock is taken.
 *
 * @example
 * await withTenant(['63.01'], async (trx) => {
 *   await trx.updateTable('cases').set({ status: 'verifying' }).where('id', '=', id).execute();
 *   await appendAudit(trx, { regencyId: '63.01', actorId: user.id, action: 'case.transition',
 *     entity: 'case', entityId: id, before: { status: 'received' }, after: { status: 'verifying' } });
 * });
 */
export async function appendAudit(trx: Transaction<DB>, input: AuditInput): Promise<AuditRecord> {
  // current_schema() in the key: each schema (test) has its own chains.
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_CLASS}, hashtext(current_schema() || ':' || ${input.regencyId ?? ''}))`.execute(
    trx,
  );
  // Through a SECURITY DEFINER function: the chain without a regency is not readable by regency
  // transactions, yet they append to it.
  const head = await sql<{ hash: string | null }>`select audit_chain_head(${input.regencyId}) as hash`.execute(trx);
  const prevHash = head.rows[0]?.hash ?? null;

  const event = {
    regencyId: input.regencyId,
    actorId: input.actorId,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId,
    before: toJsonValue(input.before),
    after: toJsonValue(input.after),
    // Milliseconds, like the Date read back: the stored time must hash the same when verified.
    at: new Date(),
  };
  const hash = hashEvent(prevHash, event);

  // No RETURNING: an event without a regency is insertable but, for a regency transaction, not
  // readable, and RETURNING would need it to be.
  await trx
    .insertInto('audit_events')
    .values({
      regency_id: event.regencyId,
      actor_id: event.actorId,
      action: event.action,
      entity: event.entity,
      entity_id: event.entityId,
      before: event.before === null ? null : JSON.stringify(event.before),
      after: event.after === null ? null : JSON.stringify(event.after),
      at: event.at,
      prev_hash: prevHash,
      hash,
    })
    .execute();
  return { ...event, prevHash, hash };
}

/**
 * Recomputes the audit chains and reports the first event that does not fit: a changed event
 * (its hash no longer matches), or a removed or reordered one (the next event's `prev_hash` no
 * longer matches). `regencyId`: one regency's chain, `null`: the chain without a regency,
 * omitted: every chain visible to `db` (all of them as the admin).
 *
 * @example
 * const result = await verifyAuditChain(db, '63.01');
 * if (!result.ok) console.error(`audit log broken at event ${result.brokenAt}: ${result.reason}`);
 */
export async function verifyAuditChain(
  db: Kysely<DB> | Transaction<DB>,
  regencyId?: string | null,
): Promise<AuditChainResult> {
  const heads = new Map<string | null, string>();
  let count = 0;
  let afterId = 0;
  const pageSize = 1000;
  for (;;) {
    let query = db.selectFrom('audit_events').selectAll().where('id', '>', afterId).orderBy('id').limit(pageSize);
    if (regencyId === null) query = query.where('regency_id', 'is', null);
    else if (regencyId !== undefined) query = query.where('regency_id', '=', regencyId);
    const rows: AuditEvent[] = await query.execute();

    for (const row of rows) {
      const expectedPrev = heads.get(row.regency_id) ?? null;
      if (row.prev_hash !== expectedPrev) {
        return {
          ok: false,
          brokenAt: row.id,
          reason:
            expectedPrev === null
              ? 'the first event of the chain has a previous hash'
              : 'prev_hash does not match the previous event (an event was removed, inserted or changed)',
        };
      }
      const hash = hashEvent(row.prev_hash, {
        regencyId: row.regency_id,
        actorId: row.actor_id,
        action: row.action,
        entity: row.entity,
        entityId: row.entity_id,
        before: row.before,
        after: row.after,
        at: row.at,
      });
      if (hash !== row.hash) return { ok: false, brokenAt: row.id, reason: 'hash does not match the event' };
      heads.set(row.regency_id, row.hash);
      count += 1;
    }

    const last = rows.at(-1);
    if (rows.length < pageSize || last === undefined) return { ok: true, count };
    afterId = last.id;
  }
}
