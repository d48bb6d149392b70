/**
 * The case list's state in the URL (filters, sort, page), what it asks of `cases.list`, and how an
 * export names it.
 */
import { isoDateSchema } from '@netral/domain/calendar';
import {
  type CampaignPhase,
  campaignPhaseLabels,
  campaignPhaseSchema,
  contestCodeSchema,
  type PhaseBucket,
  phaseBucketLabels,
  phaseBucketSchema,
} from '@netral/domain/phases';
import { prohibitionCodeSchema } from '@netral/domain/taxonomy';
import { caseStatusLabels, caseStatusSchema } from '@netral/domain/workflow';
import type { Message } from '@netral/ui/i18n';
import { z } from 'zod';
import { m } from './messages';
import type { Inputs } from './shared';

export const sortKeys = ['act_on', 'received_on', 'status', 'updated_at'] as const;

/** One schema for the URL: each field falls back to its default on a hand-edited bad value. */
export const listStateSchema = z.object({
  status: z.array(caseStatusSchema).default([]),
  unit: z.uuid().optional(),
  code: prohibitionCodeSchema.optional(),
  /** A bucket (before/during/after) or a fine phase (KAMPANYE…). */
  phase: z.union([phaseBucketSchema, campaignPhaseSchema]).optional(),
  contest: contestCodeSchema.optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  overdue: z.literal('1').optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(sortKeys).default('act_on'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  cursor: z.string().max(500).optional(),
});
export type ListState = z.infer<typeof listStateSchema>;

/** The filter part of the state (what a reset clears, what an export states). */
export type ListFilters = Pick<
  ListState,
  'status' | 'unit' | 'code' | 'phase' | 'contest' | 'from' | 'to' | 'overdue' | 'q'
>;

export const emptyFilters: ListFilters = {
  status: [],
  unit: undefined,
  code: undefined,
  phase: undefined,
  contest: undefined,
  from: undefined,
  to: undefined,
  overdue: undefined,
  q: undefined,
};

export function filtersOf(state: ListState): ListFilters {
  return {
    status: state.status,
    unit: state.unit,
    code: state.code,
    phase: state.phase,
    contest: state.contest,
    from: state.from,
    to: state.to,
    overdue: state.overdue,
    q: state.q,
  };
}

export function isBucket(phase: string): phase is PhaseBucket {
  return (phaseBucketSchema.options as readonly string[]).includes(phase);
}

type ListInput = Inputs['cases']['list'];

/** The `cases.list` input for a state (without cursor and limit). */
export function listInput(regencyId: string, state: ListState): ListInput {
  return {
    regencyId,
    ...(state.status.length > 0 ? { status: state.status } : {}),
    ...(state.unit ? { unitId: state.unit } : {}),
    ...(state.code ? { code: state.code } : {}),
    ...(state.phase ? (isBucket(state.phase) ? { phaseBucket: state.phase } : { phase: state.phase }) : {}),
    ...(state.contest ? { contest: state.contest } : {}),
    ...(state.from ? { from: state.from } : {}),
    ...(state.to ? { to: state.to } : {}),
    ...(state.overdue ? { overdue: true } : {}),
    ...(state.q ? { search: state.q } : {}),
    sort: state.sort,
    direction: state.dir,
  };
}

/** The filters in words, for an export's first lines: `Status: VERIFIKASI; Kontestasi: PILKADA_2024`. */
export function describeFilters(
  filters: ListFilters,
  t: (message: Message, values?: Record<string, string | number>) => string,
  names: { unit?: string | undefined },
): string {
  const parts: string[] = [];
  if (filters.status.length > 0)
    parts.push(`${t(m.status)}: ${filters.status.map((s) => caseStatusLabels[s].id).join(', ')}`);
  if (filters.unit) parts.push(`${t(m.unit)}: ${names.unit ?? filters.unit}`);
  if (filters.code) parts.push(`${t(m.code)}: ${filters.code}`);
  if (filters.phase) {
    const label = isBucket(filters.phase)
      ? phaseBucketLabels[filters.phase]
      : campaignPhaseLabels[filters.phase as CampaignPhase];
    parts.push(`${t(m.phase)}: ${t(label)}`);
  }
  if (filters.contest) parts.push(`${t(m.contest)}: ${filters.contest}`);
  if (filters.from) parts.push(`${t(m.from)}: ${filters.from}`);
  if (filters.to) parts.push(`${t(m.to)}: ${filters.to}`);
  if (filters.overdue) parts.push(t(m.overdueOnly));
  if (filters.q) parts.push(`${t(m.search)}: "${filters.q}"`);
  return parts.length > 0 ? parts.join('; ') : t(m.exportNoFilters);
}
