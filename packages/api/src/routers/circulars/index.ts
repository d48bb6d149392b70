/**
 * `circulars.*`: Surat Edaran from import to publication. Reads (list, get, compare) are open to
 * caseworkers and analysts of the regencies concerned (see access.ts); drafts are written by
 * regency officers and administrators; publish, revoke and supersede are for administrators.
 * Every mutation runs in one transaction with one audit event; `importPreview` writes nothing.
 */
import { appendAudit } from '@netral/db/audit';
import {
  auditView,
  type CircularRecord,
  compareCirculars,
  draftFromParse,
  getCircular,
  insertCircularDraft,
  listCirculars,
  publishCircular,
  revokeCircular,
  supersedeCircular,
  updateCircularDraft,
} from '@netral/db/queries/circulars';
import { parseCircular, toCircularJson } from '@netral/domain/circular-parser';
import type { SessionUser } from '../../context';
import { authedProcedure, caseworkProcedure, regencyProcedure, router } from '../../trpc';
import { assertAdmin, circularNotFound, domainCall, inReadScope, isAnalystOnly } from './access';
import {
  circularPageSchema,
  circularRecordSchema,
  circularRefSchema,
  compareInputSchema,
  comparisonSchema,
  draftBodySchema,
  importPreviewSchema,
  listInputSchema,
  previewInputSchema,
  revokeInputSchema,
  supersedeInputSchema,
  updateInputSchema,
  validateDraft,
  versionedRefSchema,
} from './schemas';

/** What a reader receives: analysts do not get internal user ids. */
function forReader(user: SessionUser, circular: CircularRecord): CircularRecord {
  return isAnalystOnly(user) ? { ...circular, createdBy: null } : circular;
}

export const circularsRouter = router({
  list: authedProcedure
    .input(listInputSchema)
    .output(circularPageSchema)
    .query(({ ctx, input }) =>
      inReadScope(ctx, input.regencyId === undefined ? [] : [input.regencyId], (trx) => listCirculars(trx, input)),
    ),

  get: authedProcedure
    .input(circularRefSchema)
    .output(circularRecordSchema)
    .query(async ({ ctx, input }) => {
      const regencyIds = input.regencyId === undefined ? [] : [input.regencyId];
      const circular = await inReadScope(ctx, regencyIds, (trx) =>
        getCircular(trx, input.id, input.regencyId === undefined ? {} : { regencyId: input.regencyId }),
      );
      if (!circular) throw circularNotFound();
      return forReader(ctx.user, circular);
    }),

  /** Parses pasted text; a mutation only so that large texts travel in a POST body. */
  importPreview: caseworkProcedure
    .input(previewInputSchema)
    .output(importPreviewSchema)
    .mutation(({ input }) => {
      const result = parseCircular(input.text);
      return { result, json: toCircularJson(result), draft: draftFromParse(result, input.text) };
    }),

  createDraft: regencyProcedure
    .input(draftBodySchema)
    .output(circularRecordSchema)
    .mutation(({ ctx, input }) => {
      const draft = validateDraft(ctx.regencyId, input);
      return domainCall(() =>
        ctx.inRegency(async (trx) => {
          const created = await insertCircularDraft(trx, { draft, createdBy: ctx.user.id });
          await appendAudit(trx, {
            regencyId: ctx.regencyId,
            actorId: ctx.user.id,
            action: 'circular.create',
            entity: 'circular',
            entityId: created.id,
            before: null,
            after: auditView(created),
          });
          return created;
        }),
      );
    }),

  update: regencyProcedure
    .input(updateInputSchema)
    .output(circularRecordSchema)
    .mutation(({ ctx, input }) =>
      domainCall(() =>
        ctx.inRegency(async (trx) => {
          const current = await getCircular(trx, input.id, { regencyId: ctx.regencyId });
          if (!current) throw circularNotFound();
          const draft = validateDraft(ctx.regencyId, { ...input, sourceText: input.sourceText ?? current.sourceText });
          const { before, after } = await updateCircularDraft(trx, {
            id: input.id,
            regencyId: ctx.regencyId,
            version: input.version,
            draft,
          });
          await appendAudit(trx, {
            regencyId: ctx.regencyId,
            actorId: ctx.user.id,
            action: 'circular.update',
            entity: 'circular',
            entityId: input.id,
            before: auditView(before),
            after: auditView(after),
          });
          return after;
        }),
      ),
    ),

  publish: regencyProcedure
    .input(versionedRefSchema)
    .output(circularRecordSchema)
    .mutation(({ ctx, input }) => {
      assertAdmin(ctx.roles);
      return domainCall(() =>
        ctx.inRegency(async (trx) => {
          const { before, after, supersededId } = await publishCircular(trx, { ...input, regencyId: ctx.regencyId });
          await appendAudit(trx, {
            regencyId: ctx.regencyId,
            actorId: ctx.user.id,
            action: 'circular.publish',
            entity: 'circular',
            entityId: input.id,
            before: auditView(before),
            after: { ...(auditView(after) as object), supersededId },
          });
          return after;
        }),
      );
    }),

  revoke: regencyProcedure
    .input(revokeInputSchema)
    .output(circularRecordSchema)
    .mutation(({ ctx, input }) => {
      assertAdmin(ctx.roles);
      return domainCall(() =>
        ctx.inRegency(async (trx) => {
          const { before, after } = await revokeCircular(trx, {
            id: input.id,
            version: input.version,
            regencyId: ctx.regencyId,
          });
          await appendAudit(trx, {
            regencyId: ctx.regencyId,
            actorId: ctx.user.id,
            action: 'circular.revoke',
            entity: 'circular',
            entityId: input.id,
            before: auditView(before),
            after: { ...(auditView(after) as object), reason: input.reason ?? null },
          });
          return after;
        }),
      );
    }),

  /** Starts a new version (a draft) of a published circular; publishing it supersedes the old one. */
  supersede: regencyProcedure
    .input(supersedeInputSchema)
    .output(circularRecordSchema)
    .mutation(({ ctx, input }) => {
      assertAdmin(ctx.roles);
      return domainCall(() =>
        ctx.inRegency(async (trx) => {
          const created = await supersedeCircular(trx, {
            id: input.id,
            regencyId: ctx.regencyId,
            createdBy: ctx.user.id,
          });
          await appendAudit(trx, {
            regencyId: ctx.regencyId,
            actorId: ctx.user.id,
            action: 'circular.supersede',
            entity: 'circular',
            entityId: created.id,
            before: null,
            after: auditView(created),
          });
          return created;
        }),
      );
    }),

  /** Two circulars side by side, possibly of two regencies the caller can both read. */
  compare: authedProcedure
    .input(compareInputSchema)
    .output(comparisonSchema)
    .query(async ({ ctx, input }) => {
      const regencyIds = [input.a.regencyId, input.b.regencyId].filter((id): id is string => id !== undefined);
      // Both named: a transaction of exactly those two; otherwise everything the caller reads.
      const result = await inReadScope(ctx, regencyIds, (trx) => compareCirculars(trx, input.a.id, input.b.id), {
        narrow: regencyIds.length === 2,
      });
      if (!result) throw circularNotFound();
      return result;
    }),
});
