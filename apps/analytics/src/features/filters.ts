/**
 * The dashboard's filters as URL state (shared by every page, so a link or a reload keeps them),
 * and their translation into the API's analytics filter.
 */
import type { AppRouter } from '@netral/ui/trpc';
import { toSearch } from '@netral/ui/url-state';
import type { inferRouterInputs } from '@trpc/server';
import { z } from 'zod';

type Inputs = inferRouterInputs<AppRouter>;
export type ApiFilter = NonNullable<Inputs['analytics']['cases']['filter']>;
export type DrillDim = Inputs['analytics']['cases']['dim'];
export type BreakdownDim = Inputs['analytics']['breakdown']['dim'];

const statusValues = [
  'received',
  'verifying',
  'recommended',
  'ppk_examination',
  'blocked',
  'sanctioned',
  'sanction_executed',
  'not_proven',
  'rejected',
  'forwarded',
  'cancelled',
  'lapsed',
] as const satisfies readonly NonNullable<ApiFilter['status']>[number][];
export const caseStatuses: readonly (typeof statusValues)[number][] = statusValues;
export type Status = (typeof statusValues)[number];

const unitKindValues = [
  'sekretariat_daerah',
  'sekretariat_dprd',
  'inspektorat',
  'dinas',
  'badan',
  'satpol_pp',
  'kecamatan',
  'kelurahan',
  'rsud',
  'sekolah',
  'puskesmas',
  'upt',
  'other',
] as const satisfies readonly Exclude<NonNullable<ApiFilter['unitKind']>, ''>[];
export const unitKinds: readonly (typeof unitKindValues)[number][] = unitKindValues;

const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/** The filters in the query string. `unitKind=none`: cases without a unit. */
export const filterShape = {
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  regency: z
    .string()
    .regex(/^\d{2}\.\d{2}$/)
    .optional(),
  contest: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]*$/)
    .optional(),
  from: monthSchema.optional(),
  to: monthSchema.optional(),
  status: z.array(z.enum(statusValues)).max(12).optional(),
  unitKind: z.enum([...unitKindValues, 'none'] as const).optional(),
};
export const filterSchema = z.object(filterShape);
export type Filters = z.infer<typeof filterSchema>;

/** Every filter key, for "clear all". */
export const noFilters: Record<keyof Filters, undefined> = {
  province: undefined,
  regency: undefined,
  contest: undefined,
  from: undefined,
  to: undefined,
  status: undefined,
  unitKind: undefined,
};

/** The API filter for the URL filters. */
export function toApiFilter(f: Filters): ApiFilter {
  const out: ApiFilter = {};
  if (f.regency) out.regencyIds = [f.regency];
  else if (f.province) out.provinceCode = f.province;
  if (f.contest) out.contest = f.contest;
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  // Status and unit kind are exclusive in the API (no rollup grain holds both); status wins.
  if (f.status?.length) out.status = [...f.status];
  else if (f.unitKind) out.unitKind = f.unitKind === 'none' ? '' : f.unitKind;
  return out;
}

/** Only the filter fields of a larger state (page-specific keys dropped). */
export function pickFilters(state: Filters): Filters {
  const out: Filters = {};
  for (const key of Object.keys(filterShape) as (keyof Filters)[]) {
    const value = state[key];
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) {
      (out as Record<string, unknown>)[key] = value;
    }
  }
  return out;
}

/** The cases page for a number under the current filters. */
export function casesHref(filters: Filters, dim: DrillDim, key: string): string {
  return `/cases?${toSearch({ ...pickFilters(filters), dim, key })}`;
}

/** The dashboard with the same filters. */
export function dashboardHref(filters: Filters): string {
  const query = toSearch(pickFilters(filters));
  return query ? `/?${query}` : '/';
}

/** `YYYY-MM` of an ISO date. */
export function monthKey(date: string): string {
  return date.slice(0, 7);
}
