/**
 * The audit log of a regency, for its administrators: who changed what, newest first, and a
 * check that the hash chain is intact.
 */
import { verifyAuditChain } from '@netral/db/audit';
import { DomainError } from '@netral/domain/errors';
import { z } from 'zod';
import { appError, regencyProcedure, router } from '../trpc';

const auditAdminProcedure = regencyProcedure.use(({ ctx, next }) => {
  if (!ctx.roles.includes('regency_admin') && !ctx.roles.includes('national_admin')) {
    throw appError(
      new DomainError('FORBIDDEN', {
        id: 'Hanya admin yang dapat membaca log audit.',
        en: 'Only administrators can read the audit log.',
      }),
    );
  }
  return next();
});

const jsonSchema = z.unknown();

const auditEventOutputSchema = z.object({
  id: z.number(),
  at: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  actorId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  before: jsonSchema,
  after: jsonSchema,
});

export const auditRouter = router({
  /** Events of the regency, newest first; pass `nextCursor` back as `cursor` for the next page. */
  list: auditAdminProcedure
    .input(
      z.object({
        limit: z.number().int().min(1).max(200).default(50),
        cursor: z.number().int().positive().nullish(),
      }),
    )
    .output(z.object({ items: z.array(auditEventOutputSchema), nextCursor: z.number().nullable() }))
    .query(async ({ ctx, input }) => {
      const rows = await ctx.inRegency((trx) => {
        let query = trx
          .selectFrom('audit_events as e')
          .leftJoin('users as u', 'u.id', 'e.actor_id')
          .select([
            'e.id',
            'e.at',
            'e.action',
            'e.entity',
            'e.entity_id',
            'e.actor_id',
            'u.username',
            'e.before',
            'e.after',
          ])
          .where('e.regency_id', '=', ctx.regencyId)
          .orderBy('e.id', 'desc')
          .limit(input.limit + 1);
        if (input.cursor != null) query = query.where('e.id', '<', input.cursor);
        return query.execute();
      });
      const page = rows.slice(0, input.limit);
      return {
        items: page.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          actorId: r.actor_id,
          actorUsername: r.username,
          before: r.before,
          after: r.after,
        })),
        nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
      };
    }),

  /** Recomputes the regency's hash chain: `{ ok: true, count }` or where it breaks. */
  verify: auditAdminProcedure
    .output(
      z.discriminatedUnion('ok', [
        z.object({ ok: z.literal(true), count: z.number() }),
        z.object({ ok: z.literal(false), brokenAt: z.number(), reason: z.string() }),
      ]),
    )
    .query(({ ctx }) => ctx.inRegency((trx) => verifyAuditChain(trx, ctx.regencyId))),
});
