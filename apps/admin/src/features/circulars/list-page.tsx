/**
 * The regency's circulars (and its province's governor circulars), filtered by status, year and
 * number/title; the filters and the page live in the URL.
 */
import { circularStatusLabels, circularStatusSchema } from '@netral/domain/model';
import { formatDate, formatNumber } from '@netral/ui/format';
import { common, useI18n } from '@netral/ui/i18n';
import { PageHeader } from '@netral/ui/layout';
import { Empty, ErrorState, Loading } from '@netral/ui/states';
import { type Column, DataTable, Pagination } from '@netral/ui/table';
import { useTRPC } from '@netral/ui/trpc';
import { useUrlState } from '@netral/ui/url-state';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { z } from 'zod';
import { m } from './messages';
import { StatusBadge } from './status-badge';
import type { CircularSummary } from './types';

const PAGE_SIZE = 20;

const filtersSchema = z.object({
  status: circularStatusSchema.optional(),
  year: z.coerce.number().int().min(1945).max(2100).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
});

export function CircularListPage({ regencyId, regencyName }: { regencyId: string; regencyName: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const [filters, setFilters] = useUrlState(filtersSchema);
  const [year, setYear] = useState(filters.year?.toString() ?? '');
  const [q, setQ] = useState(filters.q ?? '');
  // Back/forward changes the URL: the inputs follow it.
  useEffect(() => setYear(filters.year?.toString() ?? ''), [filters.year]);
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);

  const list = useQuery({
    ...trpc.circulars.list.queryOptions({
      regencyId,
      ...(filters.status && { status: filters.status }),
      ...(filters.year !== undefined && { year: filters.year }),
      ...(filters.q && { search: filters.q }),
      page: filters.page,
      pageSize: PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const y = Number.parseInt(year, 10);
    setFilters({ year: Number.isFinite(y) ? y : undefined, q: q.trim() || undefined, page: 1 });
  };

  const columns: Column<CircularSummary>[] = [
    {
      key: 'number',
      header: t(m.number),
      cell: (c) => (
        <Link href={`/${c.id}`} className="mono">
          {c.number ?? t(m.noNumber)}
        </Link>
      ),
    },
    {
      key: 'title',
      header: t(m.title),
      cell: (c) => (
        <>
          {c.title ?? t(m.untitled)}
          {c.regencyId === null && <div className="muted small">{t(m.provinceCircular, { code: c.provinceCode })}</div>}
        </>
      ),
    },
    { key: 'date', header: t(m.issuedOn), cell: (c) => formatDate(c.issuedOn, locale) },
    { key: 'status', header: t(m.status), cell: (c) => <StatusBadge status={c.status} /> },
    { key: 'version', header: t(m.version), align: 'end', cell: (c) => c.version },
    {
      key: 'provisions',
      header: t(m.provisions),
      align: 'end',
      cell: (c) => formatNumber(c.provisionCount, locale),
    },
  ];

  return (
    <>
      <PageHeader
        title={t(m.listTitle)}
        actions={
          <>
            <Link href="/compare" className="button">
              {t(m.compareAction)}
            </Link>
            <Link href="/import" className="button primary">
              {t(m.importAction)}
            </Link>
          </>
        }
      >
        <p className="muted">{t(m.listLead, { regency: regencyName })}</p>
      </PageHeader>

      <form className="toolbar" onSubmit={submit} aria-label={t(common.filter)}>
        <div className="field">
          <label htmlFor="circ-status">{t(m.status)}</label>
          <select
            id="circ-status"
            value={filters.status ?? ''}
            onChange={(e) =>
              setFilters({
                status: e.target.value === '' ? undefined : circularStatusSchema.parse(e.target.value),
                page: 1,
              })
            }
          >
            <option value="">{t(common.all)}</option>
            {circularStatusSchema.options.map((s) => (
              <option key={s} value={s}>
                {t(circularStatusLabels[s])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="circ-year">{t(m.year)}</label>
          <input
            id="circ-year"
            type="number"
            inputMode="numeric"
            min={1945}
            max={2100}
            value={year}
            onChange={(e) => setYear(e.target.value)}
            className="input-year"
          />
        </div>
        <div className="field">
          <label htmlFor="circ-q">{t(m.searchLabel)}</label>
          <input id="circ-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} maxLength={200} />
        </div>
        <button type="submit" className="primary">
          {t(m.apply)}
        </button>
        {(filters.status || filters.year !== undefined || filters.q) && (
          <button
            type="button"
            onClick={() => setFilters({ status: undefined, year: undefined, q: undefined, page: 1 })}
          >
            {t(common.reset)}
          </button>
        )}
      </form>

      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} retry={() => list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Empty>
          <p>{t(m.emptyList)}</p>
          <p>{t(m.emptyListHint)}</p>
        </Empty>
      ) : (
        <>
          <p className="sr-only" aria-live="polite">
            {t(m.resultCount, { n: list.data.total })}
          </p>
          <DataTable caption={t(m.tableCaption)} columns={columns} rows={list.data.items} rowKey={(c) => c.id} />
          <Pagination
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onPage={(page) => setFilters({ page })}
          />
        </>
      )}
    </>
  );
}
