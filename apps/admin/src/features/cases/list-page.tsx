/**
 * The case list: filters in the URL (a reload or a shared link shows the same view), server-side
 * sorting and keyset pages (no total count: the first page of a million cases stays an index
 * scan), deadline and overdue badges, and exports of everything the filters select.
 */
import {
  type CampaignPhase,
  campaignPhaseLabels,
  campaignPhaseSchema,
  phaseBucketLabels,
  phaseBucketSchema,
} from '@netral/domain/phases';
import { getProhibitionType, prohibitionCodeSchema } from '@netral/domain/taxonomy';
import { caseStatusLabels, caseStatusSchema } from '@netral/domain/workflow';
import { formatDate, formatDateTime } from '@netral/ui/format';
import { common, useI18n } from '@netral/ui/i18n';
import { PageHeader } from '@netral/ui/layout';
import { Empty, ErrorState, Loading } from '@netral/ui/states';
import { type Column, DataTable, Pagination, type Sort } from '@netral/ui/table';
import { errorMessage, useTRPC, useTRPCClient } from '@netral/ui/trpc';
import { toSearch, useUrlState } from '@netral/ui/url-state';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { Link } from 'wouter';
import {
  emptyFilters,
  filtersOf,
  type ListFilters,
  type ListState,
  listInput,
  listStateSchema,
  sortKeys,
} from './filters';
import { m } from './messages';
import { type CaseListRow, type CasesProps, OverdueBadge, StatusBadge } from './shared';

const PAGE_SIZE = 50;

/** Cursors of the pages visited, per filter set, so "previous" works after a reload of the tab. */
function cursorStack(key: string) {
  const storageKey = `netral.cases.cursors.${key}`;
  const read = (): (string | null)[] => {
    try {
      const raw = sessionStorage.getItem(storageKey);
      return raw ? (JSON.parse(raw) as (string | null)[]) : [null];
    } catch {
      return [null];
    }
  };
  return {
    get(page: number): string | null | undefined {
      return read()[page - 1];
    },
    set(page: number, cursor: string | null) {
      const stack = read();
      stack[page - 1] = cursor;
      try {
        sessionStorage.setItem(storageKey, JSON.stringify(stack));
      } catch {
        // Not kept: "previous" then starts again from the first page.
      }
    },
  };
}

export function CaseListPage({ regencyId, regencyName }: CasesProps) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [state, setState] = useUrlState(listStateSchema);
  const input = { ...listInput(regencyId, state), cursor: state.cursor ?? null, limit: PAGE_SIZE };
  const list = useQuery({ ...trpc.cases.list.queryOptions(input), placeholderData: keepPreviousData });
  const units = useQuery(trpc.units.list.queryOptions({ regencyId, includeRetired: true }));
  const contests = useQuery({ ...trpc.contests.list.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const filters = filtersOf(state);
  const filtered = JSON.stringify(filters) !== JSON.stringify(emptyFilters);
  const stack = cursorStack(`${regencyId}?${toSearch({ ...filters, sort: state.sort, dir: state.dir })}`);
  const unitName = units.data?.find((u) => u.id === state.unit)?.name;

  const [exporting, setExporting] = useState<{ rows: number } | null>(null);
  const [exportResult, setExportResult] = useState<{ ok: boolean; text: string } | null>(null);
  const runExport = async (format: 'csv' | 'xlsx') => {
    setExporting({ rows: 0 });
    setExportResult(null);
    try {
      // The writers (papaparse, write-excel-file) load with the first export, not with the list.
      const { exportCases } = await import('./export');
      const result = await exportCases({
        format,
        regencyId,
        regencyName,
        state,
        filters,
        unitName,
        fetchPage: (page) => client.cases.list.query(page),
        t,
        locale,
        onProgress: (rows) => setExporting({ rows }),
      });
      const text = t(m.exported, { file: result.file, n: result.rows });
      setExportResult({ ok: true, text: result.capped ? `${text} ${t(m.exportCapped, { cap: 10_000 })}` : text });
    } catch (error) {
      setExportResult({ ok: false, text: errorMessage(error, locale) });
    } finally {
      setExporting(null);
    }
  };

  const goToPage = (page: number) => {
    if (page === state.page + 1 && list.data?.nextCursor) {
      stack.set(state.page, state.cursor ?? null);
      stack.set(page, list.data.nextCursor);
      setState({ page, cursor: list.data.nextCursor });
    } else if (page < state.page) {
      const cursor = page === 1 ? null : stack.get(page);
      // Unknown cursor (storage cleared): back to the first page rather than a wrong one.
      if (cursor === undefined) setState({ page: 1, cursor: undefined });
      else setState({ page, cursor: cursor ?? undefined });
    }
  };

  const onSort = (sort: Sort) =>
    setState({
      sort: (sortKeys as readonly string[]).includes(sort.by) ? (sort.by as ListState['sort']) : 'act_on',
      dir: sort.dir,
      page: 1,
      cursor: undefined,
    });

  const columns: Column<CaseListRow>[] = [
    {
      key: 'subject',
      header: t(m.colSubject),
      cell: (r) => (
        <>
          <Link href={`/${r.id}`}>{r.subjectName}</Link>
          {r.subjectNip && <div className="muted mono">{r.subjectNip}</div>}
        </>
      ),
    },
    { key: 'unit', header: t(m.colUnit), cell: (r) => r.unitName ?? <span className="muted">{t(m.noUnit)}</span> },
    { key: 'actOn', header: t(m.colActOn), sort: 'act_on', cell: (r) => formatDate(r.actOn, locale, 'short') },
    {
      key: 'phase',
      header: t(m.colPhase),
      cell: (r) => t(campaignPhaseLabels[r.phase as CampaignPhase] ?? { id: r.phase, en: r.phase }),
    },
    {
      key: 'codes',
      header: t(m.colCodes),
      cell: (r) => (
        <span className="codes">
          {r.codes.map((code) => (
            <span key={code} className="badge" title={getProhibitionType(code).gloss}>
              {code}
            </span>
          ))}
        </span>
      ),
    },
    {
      key: 'status',
      header: t(m.colStatus),
      sort: 'status',
      cell: (r) => (
        <span className="badges">
          <StatusBadge status={r.status} />
          {r.overdue && <OverdueBadge />}
        </span>
      ),
    },
    {
      key: 'received',
      header: t(m.colReceived),
      sort: 'received_on',
      cell: (r) => formatDate(r.receivedOn, locale, 'short'),
    },
    {
      key: 'deadline',
      header: t(m.colDeadline),
      cell: (r) =>
        r.ppkDeadline ? (
          <span className={r.overdue ? 'overdue-date' : undefined}>{formatDate(r.ppkDeadline, locale, 'short')}</span>
        ) : (
          '—'
        ),
    },
    {
      key: 'updated',
      header: t(m.colUpdated),
      sort: 'updated_at',
      cell: (r) => (
        <time dateTime={r.updatedAt} title={formatDateTime(r.updatedAt, locale)}>
          {formatDate(r.updatedAt, locale, 'short')}
        </time>
      ),
    },
  ];

  const rows = list.data?.rows ?? [];
  const lastPage = list.data !== undefined && list.data.nextCursor === null;

  return (
    <>
      <PageHeader
        title={t(m.listTitle)}
        actions={
          <>
            <Link href="/new" className="button primary">
              {t(m.newCase)}
            </Link>
            <Link href="/import" className="button">
              {t(m.importCases)}
            </Link>
          </>
        }
      >
        <p className="muted">{t(m.listLead, { regency: regencyName })}</p>
      </PageHeader>

      <FilterForm
        key={JSON.stringify(filters)}
        filters={filters}
        units={units.data ?? []}
        contests={(contests.data ?? []).map((c) => ({ code: c.code, name: t(c.name) }))}
        onApply={(next) => setState({ ...next, page: 1, cursor: undefined })}
        onReset={() => setState({ ...emptyFilters, page: 1, cursor: undefined })}
        filtered={filtered}
      />

      <div className="toolbar export-bar">
        <button type="button" onClick={() => runExport('csv')} disabled={exporting !== null || list.isError}>
          {t(m.exportCsv)}
        </button>
        <button type="button" onClick={() => runExport('xlsx')} disabled={exporting !== null || list.isError}>
          {t(m.exportXlsx)}
        </button>
        <span aria-live="polite" className="muted">
          {exporting && t(m.exporting, { n: exporting.rows })}
        </span>
      </div>
      {exportResult && (
        <p
          className={`alert ${exportResult.ok ? 'alert-ok' : 'alert-error'}`}
          role={exportResult.ok ? 'status' : 'alert'}
        >
          {exportResult.text}
        </p>
      )}

      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} retry={() => list.refetch()} />
      ) : rows.length === 0 ? (
        <Empty>
          <p>{filtered ? t(m.noMatch) : t(m.noCases)}</p>
          {filtered && (
            <button type="button" onClick={() => setState({ ...emptyFilters, page: 1, cursor: undefined })}>
              {t(m.resetFilters)}
            </button>
          )}
        </Empty>
      ) : (
        <div className="case-list" aria-busy={list.isFetching}>
          <p className="muted" aria-live="polite">
            {t(m.pageRows, { page: state.page, n: rows.length })}
          </p>
          <DataTable
            caption={t(m.tableCaption, { page: state.page })}
            columns={columns}
            rows={rows}
            rowKey={(r) => r.id}
            sort={{ by: state.sort, dir: state.dir }}
            onSort={onSort}
          />
          <Pagination
            page={state.page}
            pageSize={PAGE_SIZE}
            total={lastPage ? (state.page - 1) * PAGE_SIZE + rows.length : undefined}
            onPage={goToPage}
          />
        </div>
      )}
    </>
  );
}

interface Option {
  code: string;
  name: string;
}

function FilterForm({
  filters,
  units,
  contests,
  onApply,
  onReset,
  filtered,
}: {
  filters: ListFilters;
  units: { id: string; name: string; retiredAt: string | null }[];
  contests: Option[];
  onApply: (filters: ListFilters) => void;
  onReset: () => void;
  filtered: boolean;
}) {
  const { t, locale } = useI18n();
  // The parent remounts this form (key) when the URL's filters change: back button, reset.
  const [draft, setDraft] = useState<ListFilters>(filters);
  const ids = {
    unit: useId(),
    code: useId(),
    phase: useId(),
    contest: useId(),
    from: useId(),
    to: useId(),
    overdue: useId(),
    q: useId(),
    heading: useId(),
  };
  const set = <K extends keyof ListFilters>(key: K, value: ListFilters[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const opt = (v: string) => (v === '' ? undefined : v);
  const sortedUnits = useMemo(() => [...units].sort((a, b) => a.name.localeCompare(b.name, 'id')), [units]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({ ...draft, q: draft.q?.trim() ? draft.q.trim() : undefined });
  };
  return (
    <form className="card filters" onSubmit={submit} aria-labelledby={ids.heading}>
      <h2 id={ids.heading} className="sr-only">
        {t(m.filters)}
      </h2>
      <div className="filter-grid">
        <details className="status-filter">
          <summary>
            {draft.status.length > 0
              ? t(m.statusChosen, { n: draft.status.length })
              : `${t(m.status)}: ${t(common.all)}`}
          </summary>
          <fieldset>
            <legend className="sr-only">{t(m.status)}</legend>
            {caseStatusSchema.options.map((status) => (
              <label key={status} className="check">
                <input
                  type="checkbox"
                  name="status"
                  value={status}
                  checked={draft.status.includes(status)}
                  onChange={(e) =>
                    set(
                      'status',
                      e.target.checked ? [...draft.status, status] : draft.status.filter((s) => s !== status),
                    )
                  }
                />
                {caseStatusLabels[status].id}
                {locale === 'en' && <span className="muted"> ({caseStatusLabels[status].en})</span>}
              </label>
            ))}
          </fieldset>
        </details>
        <div className="field">
          <label htmlFor={ids.unit}>{t(m.unit)}</label>
          <select id={ids.unit} value={draft.unit ?? ''} onChange={(e) => set('unit', opt(e.target.value))}>
            <option value="">{t(m.allUnits)}</option>
            {sortedUnits.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
                {u.retiredAt ? ` (${t(m.retired)})` : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.code}>{t(m.code)}</label>
          <select
            id={ids.code}
            value={draft.code ?? ''}
            onChange={(e) => set('code', opt(e.target.value) as ListFilters['code'])}
          >
            <option value="">{t(m.allCodes)}</option>
            {prohibitionCodeSchema.options.map((code) => (
              <option key={code} value={code}>
                {code} — {getProhibitionType(code).gloss}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.phase}>{t(m.phase)}</label>
          <select
            id={ids.phase}
            value={draft.phase ?? ''}
            onChange={(e) => set('phase', opt(e.target.value) as ListFilters['phase'])}
          >
            <option value="">{t(m.allPhases)}</option>
            <optgroup label={t(m.phaseBuckets)}>
              {phaseBucketSchema.options.map((bucket) => (
                <option key={bucket} value={bucket}>
                  {t(phaseBucketLabels[bucket])}
                </option>
              ))}
            </optgroup>
            <optgroup label={t(m.finePhases)}>
              {campaignPhaseSchema.options.map((phase) => (
                <option key={phase} value={phase}>
                  {t(campaignPhaseLabels[phase])}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.contest}>{t(m.contest)}</label>
          <select id={ids.contest} value={draft.contest ?? ''} onChange={(e) => set('contest', opt(e.target.value))}>
            <option value="">{t(m.allContests)}</option>
            {contests.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.from}>{t(m.from)}</label>
          <input
            id={ids.from}
            type="date"
            value={draft.from ?? ''}
            onChange={(e) => set('from', opt(e.target.value))}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.to}>{t(m.to)}</label>
          <input id={ids.to} type="date" value={draft.to ?? ''} onChange={(e) => set('to', opt(e.target.value))} />
        </div>
        <div className="field">
          <label htmlFor={ids.q}>{t(m.search)}</label>
          <input
            id={ids.q}
            type="search"
            value={draft.q ?? ''}
            maxLength={100}
            onChange={(e) => set('q', e.target.value)}
          />
        </div>
        <label className="check overdue-filter" htmlFor={ids.overdue}>
          <input
            id={ids.overdue}
            type="checkbox"
            checked={draft.overdue === '1'}
            onChange={(e) => set('overdue', e.target.checked ? '1' : undefined)}
          />
          {t(m.overdueOnly)}
        </label>
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          {t(m.apply)}
        </button>
        {filtered && (
          <button type="button" onClick={onReset}>
            {t(m.resetFilters)}
          </button>
        )}
      </div>
    </form>
  );
}
