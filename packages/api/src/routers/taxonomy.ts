/**
 * The national taxonomy of prohibited acts with the sanction level that applies in this
 * deployment: the default from `@netral/domain/taxonomy`, or a national admin's override where
 * sources disagree or none is published.
 */
import { appendAudit } from '@netral/db/audit';
import {
  deleteTaxonomyOverride,
  getTaxonomyOverride,
  insertTaxonomyOverride,
  listTaxonomyOverrides,
  prohibitionTypeStored,
  type TaxonomyOverrideRecord,
  updateTaxonomyOverride,
} from '@netral/db/queries/reference';
import { ConflictError, DomainError } from '@netral/domain/errors';
import { versionSchema } from '@netral/domain/model';
import {
  phaseHintSchema,
  prohibitionFamilySchema,
  prohibitionTypeCodeSchema,
  prohibitionTypes,
  regimeSchema,
  type SanctionOverrides,
  sanctionLevelFor,
  sanctionLevelSchema,
} from '@netral/domain/taxonomy';
import { z } from 'zod';
import { appError, authedProcedure, router } from '../trpc';

const overrideOutputSchema = z.object({
  sanctionLevel: sanctionLevelSchema,
  note: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number(),
});

const prohibitionTypeOutputSchema = z.object({
  code: z.string(),
  family: prohibitionFamilySchema,
  regime: regimeSchema,
  wording: z.string(),
  gloss: z.string(),
  defaultSanctionLevel: sanctionLevelSchema.nullable(),
  alternativeSanctionLevels: z.array(sanctionLevelSchema),
  sanctionUncertain: z.boolean(),
  sanctionSource: z.string(),
  equivalents: z.array(z.string()),
  subPoints: z.array(z.object({ code: z.string(), letter: z.string(), wording: z.string() })),
  phaseHint: phaseHintSchema,
  /** The level that applies here: the override, else the default (EX codes follow their nearest code). */
  sanctionLevel: sanctionLevelSchema.nullable(),
  /** This deployment's override of the level, if any. */
  override: overrideOutputSchema.nullable(),
});

function overrideOutput(o: TaxonomyOverrideRecord) {
  return { sanctionLevel: o.sanctionLevel, note: o.note, updatedAt: o.updatedAt.toISOString(), version: o.version };
}

const nationalOnly = new DomainError('FORBIDDEN', {
  id: 'Hanya admin nasional yang dapat mengubah tingkat sanksi.',
  en: 'Only national administrators can change sanction levels.',
});

export const taxonomyRouter = router({
  /** Every prohibition type in taxonomy order, with its applicable sanction level. */
  list: authedProcedure.output(z.array(prohibitionTypeOutputSchema)).query(async ({ ctx }) => {
    const overrides = await ctx.db.withTenant([], (trx) => listTaxonomyOverrides(trx));
    const byCode = new Map(overrides.map((o) => [o.code, o]));
    const levels: SanctionOverrides = Object.fromEntries(overrides.map((o) => [o.code, o.sanctionLevel]));
    return prohibitionTypes.map((t) => {
      const own = byCode.get(t.code);
      return {
        ...t,
        alternativeSanctionLevels: [...t.alternativeSanctionLevels],
        equivalents: [...t.equivalents],
        subPoints: t.subPoints.map((s) => ({ ...s })),
        sanctionLevel: sanctionLevelFor(t.code, levels),
        override: own ? overrideOutput(own) : null,
      };
    });
  }),

  /**
   * Sets this deployment's sanction level of a prohibition type, or with `sanctionLevel: null`
   * removes the override. Changing or removing one names the override's `version`.
   */
  setOverride: authedProcedure
    .input(
      z.object({
        code: prohibitionTypeCodeSchema,
        sanctionLevel: sanctionLevelSchema.nullable(),
        note: z
          .string()
          .trim()
          .max(1000, { error: 'Catatan paling banyak 1000 karakter / Note must be at most 1000 characters' })
          .transform((v) => (v === '' ? null : v))
          .nullable()
          .default(null),
        version: versionSchema.optional(),
      }),
    )
    .output(overrideOutputSchema.nullable())
    .mutation(async ({ ctx, input }) => {
      if (!ctx.user.grants.some((g) => g.role === 'national_admin')) throw appError(nationalOnly);
      const now = ctx.now();
      const result = await ctx.db.withTenant('all', async (trx) => {
        const before = await getTaxonomyOverride(trx, input.code);
        // Creating needs no version; changing or removing must name the one that was read.
        if (before ? input.version !== before.version : input.version !== undefined)
          throw appError(new ConflictError());
        let after: TaxonomyOverrideRecord | null = null;
        if (input.sanctionLevel === null) {
          if (before && !(await deleteTaxonomyOverride(trx, input.code, before.version))) {
            throw appError(new ConflictError());
          }
        } else if (before) {
          after =
            (await updateTaxonomyOverride(trx, {
              code: input.code,
              sanctionLevel: input.sanctionLevel,
              note: input.note,
              updatedBy: ctx.user.id,
              now,
              version: before.version,
            })) ?? null;
          if (!after) throw appError(new ConflictError());
        } else {
          if (!(await prohibitionTypeStored(trx, input.code))) {
            throw appError(
              new DomainError('NOT_FOUND', {
                id: `Jenis larangan ${input.code} belum dimuat ke basis data (jalankan seed).`,
                en: `Prohibition type ${input.code} is not loaded in the database (run the seed).`,
              }),
            );
          }
          after = await insertTaxonomyOverride(trx, {
            code: input.code,
            sanctionLevel: input.sanctionLevel,
            note: input.note,
            updatedBy: ctx.user.id,
            now,
          });
        }
        await appendAudit(trx, {
          regencyId: null,
          actorId: ctx.user.id,
          action: 'taxonomy.set_override',
          entity: 'prohibition_type',
          entityId: input.code,
          before: before ?? null,
          after,
        });
        return after;
      });
      return result && overrideOutput(result);
    }),
});
