/**
 * The dashboard's data requests, in one place: the page reads them, and the app starts them as
 * soon as it knows the reader is signed in, while the page's code (with Recharts) still loads,
 * so data and code arrive together instead of one after the other. Kept small (no domain data):
 * it is loaded beside the session check.
 */
import type { useTRPC } from '@netral/ui/trpc';
import { parseSearch } from '@netral/ui/url-state';
import { type Filters, filterSchema, toApiFilter } from '../filters';

type Trpc = ReturnType<typeof useTRPC>;

/**
 * The summary (headline and every breakdown) and the contests by campaign phase and week: the
 * filter's own contest, or (left to the API) the four most recent.
 */
export function dashboardQueries(trpc: Trpc, filters: Filters) {
  const filter = toApiFilter(filters);
  return {
    summary: trpc.analytics.summary.queryOptions(filter),
    perContest: trpc.analytics.compare.queryOptions(
      filters.contest ? { contests: [filters.contest], filter } : { filter },
    ),
  };
}

/** The dashboard's queries for a URL's query string (`?contest=…&status=…`). */
export function dashboardQueriesFor(trpc: Trpc, search: string) {
  return dashboardQueries(trpc, parseSearch(filterSchema, search));
}
