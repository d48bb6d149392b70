/**
 * The dashboard's data requests, in one place: the page reads them, and the routes start them
 * while the page's code (with Recharts) is still loading, so data and code arrive together
 * instead of one after the other.
 */
import { contestsNewestFirst } from '@netral/domain/phases';
import type { useTRPC } from '@netral/ui/trpc';
import { parseSearch } from '@netral/ui/url-state';
import { type Filters, filterSchema, toApiFilter } from '../filters';

type Trpc = ReturnType<typeof useTRPC>;

/** The contests the dashboard shows side by side: the filter's own, or the four most recent. */
export function comparedContests(filters: Filters): string[] {
  return filters.contest ? [filters.contest] : contestsNewestFirst.slice(0, 4).map((c) => c.code);
}

/** The summary (headline and every breakdown) and the contests by campaign phase and week. */
export function dashboardQueries(trpc: Trpc, filters: Filters) {
  const filter = toApiFilter(filters);
  return {
    summary: trpc.analytics.summary.queryOptions(filter),
    perContest: trpc.analytics.compare.queryOptions({ contests: comparedContests(filters), filter }),
  };
}

/** The dashboard's queries for a URL's query string (`?contest=…&status=…`). */
export function dashboardQueriesFor(trpc: Trpc, search: string) {
  return dashboardQueries(trpc, parseSearch(filterSchema, search));
}
