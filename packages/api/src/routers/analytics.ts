/**
 * Analytics: headline figures and breakdowns read from the case rollups, and the cases behind a
 * number. Open to analysts (province, national bodies, researchers) and to casework users for
 * their own regencies, so it uses `authedProcedure` and computes the scope itself:
 *
 * - analysts: national (no regency, no province), a province (its regencies), or regencies;
 * - casework users: the regencies they work in (national admins: all).
 *
 * Whoever reads a scope that is not entirely their casework scope reads as an analyst: counts of
 * 1–2 are suppressed (null, `suppressed: true`, shown "<3") and case lists carry no names, NIPs,
 * ids, exact dates or reporters.
 */
import { type AnalyticsFilter, breakdown, casesBehind, compareContests, summarize } from '@netral/db/queries/analytics';
import { todayInIndonesia } from '@netral/db/queries/cases';
import { breakdownDims, drillDims } from '@netral/domain/analytics';
import { DomainError } from '@netral/domain/errors';
import { unitKindSchema } from '@netral/domain/model';
import {
  campaignPeriod,
  contestCodeSchema,
  contestsNewestFirst,
  type ElectionContest,
  getContest,
} from '@netral/domain/phases';
import { caseStatusSchema } from '@netral/domain/workflow';
import { z } from 'zod';
import type { Context, SessionUser } from '../context';
import { appError, authedProcedure, caseworkTenant, router } from '../trpc';
import { caseListRowSchema } from './cases/schemas';

const regencyCode = z.string().regex(/^\d{2}\.\d{2}$/, 'Kode kabupaten/kota tidak valid / Invalid regency code');
const monthOrDate = z
  .string()
  .regex(
    /^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/,
    'Tanggal harus TTTT-BB atau TTTT-BB-HH / Date must be YYYY-MM or YYYY-MM-DD',
  );

/** Scope and filters of every analytics query. Dates select whole months. */
export const analyticsFilterSchema = z
  .object({
    regencyIds: z.array(regencyCode).min(1).max(600).optional(),
    provinceCode: z
      .string()
      .regex(/^\d{2}$/, 'Kode provinsi harus 2 digit / Province code must be 2 digits')
      .optional(),
    contest: contestCodeSchema.optional(),
    from: monthOrDate.optional(),
    to: monthOrDate.optional(),
    status: z.array(caseStatusSchema).max(12).optional(),
    /** A unit kind, or '' for cases without a unit. */
    unitKind: z.union([unitKindSchema, z.literal('')]).optional(),
  })
  .default({});
export type AnalyticsFilterInput = z.infer<typeof analyticsFilterSchema>;

const cellSchema = z.object({
  key: z.string(),
  n: z.number().nullable(),
  suppressed: z.boolean(),
  label: z.string().optional(),
});

const headlineSchema = z.object({
  reported: cellSchema,
  proven: cellSchema,
  sanctioned: cellSchema,
  recommended: cellSchema,
  followedUp: cellSchema,
  overdue: cellSchema,
  provenRate: z.number().nullable(),
  sanctionedOfProvenRate: z.number().nullable(),
  followUpRate: z.number().nullable(),
});

const breakdownDimSchema = z.enum(breakdownDims);

const summaryOutput = z.object({
  scope: z.object({ regencyIds: z.union([z.array(z.string()), z.literal('all')]), deidentified: z.boolean() }),
  headline: headlineSchema,
  breakdowns: z.record(breakdownDimSchema, z.array(cellSchema)),
  truncated: z.partialRecord(breakdownDimSchema, z.number()),
});

const anonymousRowSchema = z.object({
  regencyId: z.string(),
  unitKind: z.string().nullable(),
  contest: z.string(),
  actMonth: z.string(),
  phase: z.string(),
  phaseBucket: z.string(),
  status: caseStatusSchema,
  positionClass: z.string().nullable(),
  sanctionLevel: z.string().nullable(),
  codes: z.array(z.string()),
});

const contestSeriesSchema = z.object({
  contest: z.string(),
  campaign: z.object({ start: z.string(), end: z.string(), days: z.number() }),
  weekZero: z.string(),
  total: cellSchema,
  phase: z.array(cellSchema),
  bucket: z.array(cellSchema),
  weeks: z.array(cellSchema.extend({ index: z.number() })),
});

const casesOutput = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('casework'),
    total: z.number().nullable(),
    suppressed: z.boolean(),
    rows: z.array(caseListRowSchema),
    nextCursor: z.string().nullable(),
  }),
  z.object({
    mode: z.literal('anonymous'),
    total: z.number().nullable(),
    suppressed: z.boolean(),
    rows: z.array(anonymousRowSchema),
    nextCursor: z.string().nullable(),
  }),
]);

const forbidden = (id: string, en: string) => appError(new DomainError('FORBIDDEN', { id, en }));

async function regenciesOfProvinces(ctx: Context, provinces: readonly string[]): Promise<string[]> {
  if (provinces.length === 0) return [];
  const rows = await ctx.db.withTenant([], (trx) =>
    trx.selectFrom('regencies').select('id').where('province_code', 'in', provinces).orderBy('id').execute(),
  );
  return rows.map((r) => r.id);
}

interface Scope {
  /** What the query counts: these regencies, or every one. */
  regencyIds: string[] | 'all';
  /** Names, NIPs and small counts may be shown (the scope is the caller's own casework). */
  personal: boolean;
}

/**
 * The regencies the caller may read aggregates of (analyst grants ∪ casework regencies),
 * narrowed by the filter's regencies or province. Asking for a regency outside it is FORBIDDEN.
 */
export async function analyticsScope(
  ctx: Context & { user: SessionUser },
  filter: AnalyticsFilterInput,
): Promise<Scope> {
  const casework = caseworkTenant(ctx.user);
  const analystGrants = ctx.user.grants.filter((g) => g.role === 'analyst');
  const national = casework === 'all' || analystGrants.some((g) => g.regencyId === null && g.provinceCode === null);
  let allowed: Set<string> | 'all' = 'all';
  if (!national) {
    const provinces = analystGrants.flatMap((g) => (g.regencyId === null && g.provinceCode ? [g.provinceCode] : []));
    allowed = new Set([
      ...casework,
      ...analystGrants.flatMap((g) => (g.regencyId ? [g.regencyId] : [])),
      ...(await regenciesOfProvinces(ctx, provinces)),
    ]);
    if (allowed.size === 0) {
      throw forbidden('Peran Anda tidak memiliki akses ke analitik.', 'Your roles give no access to analytics.');
    }
  }

  let requested: string[] | undefined = filter.regencyIds ? [...new Set(filter.regencyIds)].sort() : undefined;
  if (filter.provinceCode) {
    const inProvince = await regenciesOfProvinces(ctx, [filter.provinceCode]);
    requested = requested ? requested.filter((id) => inProvince.includes(id)) : inProvince;
    // A province outside the scope narrows to the part inside it (possibly nothing).
    if (allowed !== 'all' && !filter.regencyIds) requested = requested.filter((id) => (allowed as Set<string>).has(id));
  }
  if (requested && allowed !== 'all') {
    const outside = requested.filter((id) => !(allowed as Set<string>).has(id));
    if (outside.length > 0) {
      throw forbidden(
        `Anda tidak memiliki akses ke kabupaten/kota: ${outside.join(', ')}.`,
        `You have no access to the regencies: ${outside.join(', ')}.`,
      );
    }
  }
  const regencyIds: string[] | 'all' = requested ?? (allowed === 'all' ? 'all' : [...allowed].sort());
  const personal =
    casework === 'all' ||
    (regencyIds !== 'all' && regencyIds.every((id) => (casework as readonly string[]).includes(id)));
  return { regencyIds, personal };
}

function toFilter(scope: Scope, input: AnalyticsFilterInput): AnalyticsFilter {
  return {
    regencyIds: scope.regencyIds,
    ...(input.contest ? { contest: input.contest } : {}),
    ...(input.from ? { from: input.from } : {}),
    ...(input.to ? { to: input.to } : {}),
    ...(input.status?.length ? { statuses: input.status } : {}),
    ...(input.unitKind !== undefined ? { unitKind: input.unitKind } : {}),
  };
}

function rethrowDomain(error: unknown): never {
  if (error instanceof DomainError) throw appError(error);
  throw error;
}

export const analyticsRouter = router({
  summary: authedProcedure
    .input(analyticsFilterSchema)
    .output(summaryOutput)
    .query(async ({ ctx, input }) => {
      const scope = await analyticsScope(ctx, input);
      const summary = await ctx.db
        .withTenant(scope.regencyIds, (trx) =>
          summarize(trx, toFilter(scope, input), { today: todayInIndonesia(ctx.now()), suppress: !scope.personal }),
        )
        .catch(rethrowDomain);
      return { scope: { regencyIds: scope.regencyIds, deidentified: !scope.personal }, ...summary };
    }),

  breakdown: authedProcedure
    .input(z.object({ dim: breakdownDimSchema, filter: analyticsFilterSchema }))
    .output(z.object({ dim: breakdownDimSchema, cells: z.array(cellSchema) }))
    .query(async ({ ctx, input }) => {
      const scope = await analyticsScope(ctx, input.filter);
      const cells = await ctx.db
        .withTenant(scope.regencyIds, (trx) =>
          breakdown(trx, toFilter(scope, input.filter), input.dim, {
            today: todayInIndonesia(ctx.now()),
            suppress: !scope.personal,
          }),
        )
        .catch(rethrowDomain);
      return { dim: input.dim, cells };
    }),

  /**
   * Contests side by side, aligned on their campaigns: phases, before/during/after, and weeks
   * counted from the week of each campaign's first day (the filter's own contest is ignored).
   *
   * @example analytics.compare({ contests: ['PEMILU_2024', 'PILKADA_2024'], filter: { provinceCode: '63' } })
   * @example analytics.compare({ filter: {} }) // the four most recent contests
   */
  compare: authedProcedure
    .input(
      z.object({
        /** Omitted: the four most recent contests. */
        contests: z
          .array(contestCodeSchema)
          .min(1, 'Pilih minimal satu kontestasi / Choose at least one contest')
          .max(4, 'Bandingkan paling banyak 4 kontestasi / Compare at most 4 contests')
          .optional(),
        filter: analyticsFilterSchema,
      }),
    )
    .output(z.object({ contests: z.array(contestSeriesSchema) }))
    .query(async ({ ctx, input }) => {
      let chosen: ElectionContest[];
      try {
        chosen = input.contests
          ? [...new Set(input.contests)].map((code) => getContest(code))
          : contestsNewestFirst.slice(0, 4);
      } catch (error) {
        rethrowDomain(error);
      }
      const scope = await analyticsScope(ctx, input.filter);
      const series = await ctx.db
        .withTenant(scope.regencyIds, (trx) =>
          compareContests(
            trx,
            toFilter(scope, { ...input.filter, contest: undefined }),
            chosen.map((c) => ({ code: c.code, campaignStart: c.campaign.start })),
            { today: todayInIndonesia(ctx.now()), suppress: !scope.personal },
          ),
        )
        .catch(rethrowDomain);
      return {
        contests: series.map((s, i) => {
          const { start, end, days } = campaignPeriod(chosen[i] as ElectionContest);
          return { ...s, campaign: { start, end, days } };
        }),
      };
    }),

  cases: authedProcedure
    .input(
      z.object({
        filter: analyticsFilterSchema,
        dim: z.enum(drillDims),
        key: z.string().max(100),
        cursor: z.string().max(500).nullable().optional(),
      }),
    )
    .output(casesOutput)
    .query(async ({ ctx, input }) => {
      const scope = await analyticsScope(ctx, input.filter);
      const result = await ctx.db
        .withTenant(scope.regencyIds, (trx) =>
          casesBehind(trx, {
            filter: toFilter(scope, input.filter),
            dim: input.dim,
            key: input.key,
            today: todayInIndonesia(ctx.now()),
            cursor: input.cursor ?? null,
            mode: scope.personal ? 'casework' : 'anonymous',
          }),
        )
        .catch(rethrowDomain);
      return result.mode === 'casework'
        ? {
            mode: 'casework' as const,
            total: result.total,
            suppressed: result.suppressed,
            rows: result.rows,
            nextCursor: result.nextCursor,
          }
        : {
            mode: 'anonymous' as const,
            total: result.total,
            suppressed: result.suppressed,
            rows: result.anonymousRows,
            nextCursor: result.nextCursor,
          };
    }),
});
