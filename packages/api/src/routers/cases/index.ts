/**
 * Cases (dugaan pelanggaran) for the people who handle them: list, read, register, edit, move
 * through the workflow, attach evidence, timeline and overdue list. Analysts have no access here
 * (see `analytics.*`). Each mutation runs in one transaction with one audit event; the rollups
 * follow in the same transaction (`@netral/db/queries/cases`).
 */
import { appendAudit } from '@netral/db/audit';
import {
  addEvidence,
  caseTimeline,
  createCase,
  getCase,
  listCases,
  todayInIndonesia,
  transitionCase,
  updateCase,
} from '@netral/db/queries/cases';
import { DomainError } from '@netral/domain/errors';
import type { Role } from '@netral/domain/model';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { appError, caseworkProcedure, regencyProcedure, rolesIn, router } from '../../trpc';
import { importProcedures } from './import';
import {
  addEvidenceInput,
  caseDetailOutput,
  caseEventOutput,
  caseIdSchema,
  caseListOutput,
  createCaseInput,
  listCasesInput,
  transitionCaseInput,
  transitionOutput,
  updateCaseInput,
} from './schemas';

/** Domain errors thrown by queries become tRPC errors with their stable code and both texts. */
function rethrowDomain(error: unknown): never {
  if (error instanceof DomainError) throw appError(error);
  throw error;
}

const notInRegency = () =>
  new TRPCError({
    code: 'NOT_FOUND',
    message:
      'Data tidak ditemukan atau Anda tidak memiliki akses ke kabupaten/kota ini. / Not found, or you have no access to this regency.',
  });

/** Roles that may see who reported a case. */
const REPORTER_ROLES: readonly Role[] = ['regency_admin', 'national_admin'];

export const casesRouter = router({
  list: caseworkProcedure
    .input(listCasesInput)
    .output(caseListOutput)
    .query(async ({ ctx, input }) => {
      if (input.regencyId !== undefined && rolesIn(ctx.user, input.regencyId).length === 0) throw notInRegency();
      const today = todayInIndonesia(ctx.now());
      return ctx
        .inTenant((trx) =>
          listCases(trx, {
            ...(input.regencyId ? { regencyIds: [input.regencyId] } : {}),
            ...(input.status ? { statuses: input.status } : {}),
            ...(input.unitId ? { unitId: input.unitId } : {}),
            ...(input.code ? { code: input.code } : {}),
            ...(input.phase ? { phase: input.phase } : {}),
            ...(input.phaseBucket ? { phaseBucket: input.phaseBucket } : {}),
            ...(input.contest ? { contest: input.contest } : {}),
            ...(input.from ? { from: input.from } : {}),
            ...(input.to ? { to: input.to } : {}),
            ...(input.overdue ? { overdue: true } : {}),
            ...(input.search ? { search: input.search } : {}),
            sort: input.sort,
            direction: input.direction,
            cursor: input.cursor ?? null,
            limit: input.limit,
            today,
          }),
        )
        .catch(rethrowDomain);
    }),

  overdue: caseworkProcedure
    .input(listCasesInput.pick({ regencyId: true, cursor: true }))
    .output(caseListOutput)
    .query(async ({ ctx, input }) => {
      if (input.regencyId !== undefined && rolesIn(ctx.user, input.regencyId).length === 0) throw notInRegency();
      const today = todayInIndonesia(ctx.now());
      return ctx
        .inTenant((trx) =>
          listCases(trx, {
            ...(input.regencyId ? { regencyIds: [input.regencyId] } : {}),
            overdue: true,
            sort: 'act_on',
            direction: 'asc',
            cursor: input.cursor ?? null,
            today,
          }),
        )
        .catch(rethrowDomain);
    }),

  get: regencyProcedure
    .input(z.object({ id: caseIdSchema }))
    .output(caseDetailOutput)
    .query(async ({ ctx, input }) => {
      const includeReporter = ctx.roles.some((role) => REPORTER_ROLES.includes(role));
      return ctx
        .inRegency((trx) =>
          getCase(trx, input.id, { includeReporter, today: todayInIndonesia(ctx.now()), roles: ctx.roles }),
        )
        .catch(rethrowDomain);
    }),

  timeline: regencyProcedure
    .input(z.object({ id: caseIdSchema }))
    .output(z.array(caseEventOutput))
    .query(async ({ ctx, input }) =>
      ctx
        .inRegency(async (trx) => {
          const exists = await trx.selectFrom('cases').select('id').where('id', '=', input.id).executeTakeFirst();
          if (!exists) throw new DomainError('NOT_FOUND', { id: 'Kasus tidak ditemukan.', en: 'Case not found.' });
          return caseTimeline(trx, input.id);
        })
        .catch(rethrowDomain),
    ),

  create: regencyProcedure.input(createCaseInput).mutation(async ({ ctx, input }) =>
    ctx
      .inRegency(async (trx) => {
        const { id, after } = await createCase(trx, { ...input, regencyId: ctx.regencyId }, { id: ctx.user.id });
        await appendAudit(trx, {
          regencyId: ctx.regencyId,
          actorId: ctx.user.id,
          action: 'case.create',
          entity: 'case',
          entityId: id,
          before: null,
          // The reporter is not copied into the log: it lives apart, for the roles that may see it.
          after,
        });
        return { id, version: after.version, status: after.status };
      })
      .catch(rethrowDomain),
  ),

  update: regencyProcedure.input(updateCaseInput).mutation(async ({ ctx, input }) =>
    ctx
      .inRegency(async (trx) => {
        const { before, after } = await updateCase(trx, {
          ...input,
          actorId: ctx.user.id,
          today: todayInIndonesia(ctx.now()),
        });
        await appendAudit(trx, {
          regencyId: ctx.regencyId,
          actorId: ctx.user.id,
          action: 'case.update',
          entity: 'case',
          entityId: input.id,
          before,
          after,
        });
        return { id: after.id, version: after.version };
      })
      .catch(rethrowDomain),
  ),

  transition: regencyProcedure
    .input(transitionCaseInput)
    .output(transitionOutput)
    .mutation(async ({ ctx, input }) =>
      ctx
        .inRegency(async (trx) => {
          const result = await transitionCase(trx, {
            id: input.id,
            version: input.version,
            verb: input.verb,
            input: input.input,
            actor: { id: ctx.user.id, roles: ctx.roles },
          });
          await appendAudit(trx, {
            regencyId: ctx.regencyId,
            actorId: ctx.user.id,
            action: `case.transition.${input.verb}`,
            entity: 'case',
            entityId: input.id,
            before: result.before,
            after: result.after,
          });
          return { case: result.after, event: result.event, warnings: result.warnings };
        })
        .catch(rethrowDomain),
    ),

  addEvidence: regencyProcedure.input(addEvidenceInput).mutation(async ({ ctx, input }) =>
    ctx
      .inRegency(async (trx) => {
        const { id: caseId, ...evidence } = input;
        const result = await addEvidence(trx, {
          caseId,
          evidence,
          actorId: ctx.user.id,
          today: todayInIndonesia(ctx.now()),
        });
        await appendAudit(trx, {
          regencyId: ctx.regencyId,
          actorId: ctx.user.id,
          action: 'case.evidence.add',
          entity: 'evidence',
          entityId: result.id,
          before: null,
          after: { caseId, ...result.after },
        });
        return { id: result.id };
      })
      .catch(rethrowDomain),
  ),

  ...importProcedures,
});
