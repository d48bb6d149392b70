/**
 * The cases behind a number of the dashboard. Analysts get a de-identified table (no names, NIPs,
 * units or exact dates) and nothing at all behind a count of 1–2; casework users (administrators,
 * officers, for their own regencies) get the cases with links into the admin app, and a link to
 * the admin case list with the same filters.
 */
import { drillDims } from '@netral/domain/analytics';
import { downloadCsv, type ExportColumn } from '@netral/ui/download';
import { formatDate, formatMonth, formatNumber } from '@netral/ui/format';
import { useI18n } from '@netral/ui/i18n';
import { PageHeader } from '@netral/ui/layout';
import { useSession } from '@netral/ui/session';
import { Empty, ErrorState, Loading } from '@netral/ui/states';
import { type Column, DataTable } from '@netral/ui/table';
import { type AppRouter, useTRPC } from '@netral/ui/trpc';
import { toSearch, useUrlState } from '@netral/ui/url-state';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { Link } from 'wouter';
import { z } from 'zod';
import { type DrillDim, dashboardHref, type Filters, filterShape, pickFilters, toApiFilter } from '../filters';
import { type Labels, useLabels } from '../labels';
import { m } from '../messages';

type CasesOutput = inferRouterOutputs<AppRouter>['analytics']['cases'];
type AnonymousRow = Extract<CasesOutput, { mode: 'anonymous' }>['rows'][number];
type CaseworkRow = Extract<CasesOutput, { mode: 'casework' }>['rows'][number];

const casesSchema = z.object({
  ...filterShape,
  dim: z.enum(drillDims).default('total'),
  key: z.string().max(100).default(''),
});

/** Last day of a `YYYY-MM` month. */
function monthEnd(month: string): string {
  const [y, mo] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10);
}

/**
 * The admin case list's query for a number (`/r/<regency>/cases?…`, the parameters of
 * `cases.list`), and the name of what that list cannot filter by, if anything.
 */
export function adminListQuery(
  filters: Filters,
  dim: DrillDim,
  key: string,
  labels: Pick<Labels, 'dim'>,
): { query: string; unsupported: string | null } {
  const p: Record<string, string | string[] | boolean | undefined> = {
    contest: filters.contest,
    from: filters.from ? `${filters.from}-01` : undefined,
    to: filters.to ? monthEnd(filters.to) : undefined,
    status: filters.status?.length ? [...filters.status] : undefined,
  };
  const missing: string[] = [];
  if (filters.unitKind) missing.push(labels.dim('unit_kind'));
  const narrow = (from: string, to: string) => {
    p.from = typeof p.from === 'string' && p.from > from ? p.from : from;
    p.to = typeof p.to === 'string' && p.to < to ? p.to : to;
  };
  switch (dim) {
    case 'total':
      break;
    case 'code':
      p.code = key;
      break;
    case 'unit':
      if (key) p.unitId = key;
      else missing.push(labels.dim('unit'));
      break;
    case 'phase':
      p.phase = key;
      break;
    case 'bucket':
      p.phaseBucket = key;
      break;
    case 'contest':
      p.contest = key;
      break;
    case 'status':
      p.status = [key];
      break;
    case 'month':
      narrow(`${key.slice(0, 7)}-01`, monthEnd(key.slice(0, 7)));
      break;
    case 'week': {
      const end = new Date(`${key}T00:00:00Z`);
      end.setUTCDate(end.getUTCDate() + 6);
      narrow(key, end.toISOString().slice(0, 10));
      break;
    }
    case 'ppk_due':
      p.overdue = true;
      break;
    case 'flag':
      if (key === 'sanctioned') {
        const sanctioned = ['sanctioned', 'sanction_executed'];
        p.status = Array.isArray(p.status) ? p.status.filter((s) => sanctioned.includes(s)) : sanctioned;
      } else missing.push(labels.dim('flag'));
      break;
    default:
      missing.push(labels.dim(dim));
  }
  return { query: toSearch(p), unsupported: missing.length > 0 ? missing.join(', ') : null };
}

export function CasesPage() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const session = useSession();
  const labels = useLabels();
  const [state] = useUrlState(casesSchema);
  const filters = pickFilters(state);
  const filter = toApiFilter(filters);
  const { dim, key } = state;

  const cases = useInfiniteQuery(
    trpc.analytics.cases.infiniteQueryOptions(
      { filter, dim, key },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const units = useQuery({
    ...trpc.analytics.breakdown.queryOptions({ dim: 'unit', filter }),
    enabled: dim === 'unit',
  });
  const regencies = useQuery({ ...trpc.regencies.list.queryOptions(), staleTime: Number.POSITIVE_INFINITY });

  const unitLabel = units.data?.cells.find((c) => c.key === key)?.label;
  const what = `${labels.dim(dim)}: ${labels.key(dim, key, unitLabel)}`;
  const first = cases.data?.pages[0];
  const total = first?.total;
  const rowsShown = cases.data?.pages.reduce((sum, p) => sum + p.rows.length, 0) ?? 0;

  let body: React.ReactNode;
  if (cases.isPending) body = <Loading />;
  else if (cases.error) body = <ErrorState error={cases.error} retry={() => cases.refetch()} />;
  else if (first?.suppressed) body = <p className="alert alert-info">{t(m.casesSuppressed)}</p>;
  else if (rowsShown === 0) body = <Empty>{t(m.casesNone)}</Empty>;
  else if (first?.mode === 'anonymous') {
    const rows = (cases.data?.pages ?? []).flatMap((p) => (p.mode === 'anonymous' ? p.rows : []));
    const columns = anonymousColumns(labels, t);
    body = (
      <>
        <p className="hint">{t(m.deidentifiedTable)}</p>
        <DataTable
          caption={what}
          columns={columns.map((c) => ({
            key: c.header,
            header: c.header,
            cell: (r: AnonymousRow) => c.value(r) ?? '',
          }))}
          rows={rows.map((r, i) => ({ ...r, i }))}
          rowKey={(r) => String(r.i)}
        />
        <div className="toolbar">
          <button
            type="button"
            onClick={() =>
              downloadCsv(`netral-perkara-${new Date().toISOString().slice(0, 10)}.csv`, rows, columns, [
                [t(m.number), `${what} (${total ?? '—'})`],
                ...labels.meta(filters, cases.data ? cases.dataUpdatedAt : undefined),
              ])
            }
          >
            {t(m.exportCases)}
          </button>
        </div>
      </>
    );
  } else {
    const rows = (cases.data?.pages ?? []).flatMap((p) => (p.mode === 'casework' ? p.rows : []));
    const columns: Column<CaseworkRow>[] = [
      {
        key: 'subject',
        header: t(m.subject),
        cell: (r) => <a href={`/r/${r.regencyId}/cases/${r.id}`}>{r.subjectName}</a>,
      },
      { key: 'regency', header: t(m.regencyCol), cell: (r) => labels.regencyName(r.regencyId) },
      { key: 'unit', header: t(m.unit), cell: (r) => r.unitName ?? t(m.noUnit) },
      { key: 'act', header: t(m.actOn), cell: (r) => formatDate(r.actOn, locale) },
      { key: 'contest', header: t(m.contest), cell: (r) => labels.contestName(r.contest) },
      { key: 'phase', header: t(m.phase), cell: (r) => labels.key('phase', r.phase) },
      { key: 'status', header: t(m.status), cell: (r) => labels.key('status', r.status) },
      { key: 'codes', header: t(m.codes), cell: (r) => r.codes.join(', ') },
    ];
    body = <DataTable caption={what} columns={columns} rows={rows} rowKey={(r) => r.id} />;
  }

  // Links into the admin case list, for the regencies in view where the user does casework.
  const casework = first?.mode === 'casework';
  const admin = adminListQuery(filters, dim, key, labels);
  const adminRegencies = casework
    ? (regencies.data ?? []).filter(
        (r) =>
          (!filters.regency || r.id === filters.regency) &&
          (!filters.province || r.provinceCode === filters.province) &&
          session.rolesIn(r.id).some((role) => role !== 'analyst'),
      )
    : [];

  return (
    <div className="cases-page">
      <PageHeader title={t(m.casesTitle)} actions={<Link href={dashboardHref(filters)}>{t(m.backToDashboard)}</Link>}>
        <p className="lead" aria-live="polite">
          {t(m.casesOf, {
            what,
            n: total === undefined ? '…' : total === null ? '<3' : formatNumber(total, locale),
          })}
        </p>
        <p className="muted">
          {t(m.filterLabel)}: {labels.describe(filters)}
        </p>
      </PageHeader>
      {adminRegencies.length > 0 && (
        <div className="card admin-links">
          <ul>
            {adminRegencies.map((r) => (
              <li key={r.id}>
                <a href={`/r/${r.id}/cases${admin.query ? `?${admin.query}` : ''}`}>
                  {t(m.openInAdmin, { regency: r.name })}
                </a>
              </li>
            ))}
          </ul>
          {admin.unsupported && <p className="hint">{t(m.adminPartial, { what: admin.unsupported })}</p>}
        </div>
      )}
      {body}
      {cases.hasNextPage && (
        <div className="toolbar">
          <span className="muted" aria-live="polite">
            {t(m.shown, {
              shown: formatNumber(rowsShown, locale),
              total: total === null || total === undefined ? '—' : formatNumber(total, locale),
            })}
          </span>
          <button type="button" onClick={() => void cases.fetchNextPage()} disabled={cases.isFetchingNextPage}>
            {t(m.loadMore)}
          </button>
        </div>
      )}
    </div>
  );
}

function anonymousColumns(labels: Labels, t: ReturnType<typeof useI18n>['t']): ExportColumn<AnonymousRow>[] {
  return [
    { header: t(m.regencyCol), value: (r) => labels.regencyName(r.regencyId) },
    { header: t(m.unitKind), value: (r) => labels.key('unit_kind', r.unitKind ?? '') },
    { header: t(m.contest), value: (r) => labels.contestName(r.contest) },
    { header: t(m.monthCol), value: (r) => formatMonth(r.actMonth, labels.locale, 'long') },
    { header: t(m.phase), value: (r) => labels.key('phase', r.phase) },
    { header: t(m.status), value: (r) => labels.key('status', r.status) },
    { header: t(m.positionClass), value: (r) => labels.key('position_class', r.positionClass ?? '') },
    { header: t(m.sanctionLevel), value: (r) => labels.key('sanction_level', r.sanctionLevel ?? '') },
    { header: t(m.codes), value: (r) => r.codes.join(', ') },
  ];
}
