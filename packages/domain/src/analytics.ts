/**
 * The dimensions analytics counts cases by: one vocabulary for the rollups, the API and the
 * dashboards (which need it at run time, for their URL state).
 *
 * @example
 * import { breakdownDims, drillDims } from '@netral/domain/analytics';
 * z.enum(drillDims).parse('code'); // 'code'
 */

/** Breakdown dimensions: what a chart can count by. */
export const breakdownDims = [
  'code',
  'family',
  'regime',
  'regime_family',
  'unit',
  'unit_kind',
  'phase',
  'bucket',
  'contest',
  'status',
  'sanction_level',
  'position_class',
  'month',
  'week',
] as const;
export type BreakdownDim = (typeof breakdownDims)[number];

/** Every count analytics reports: the breakdowns, the total, the headline flags, PPK deadlines. */
export type CountDim = BreakdownDim | 'total' | 'flag' | 'ppk_due';

/** Dimensions (and flag keys) whose cases can be listed: the cases behind any number. */
export const drillDims = [...breakdownDims, 'total', 'flag', 'ppk_due'] as const satisfies readonly CountDim[];
export type DrillDim = (typeof drillDims)[number];
