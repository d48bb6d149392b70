/**
 * The regency's audit log for its administrators: who did what to which record and when, with
 * the changed fields before and after, newest first and loaded page by page; and a check that
 * the hash chain linking the events is intact.
 */
import { formatDateTime, formatNumber } from '@netral/ui/format';
import { useI18n } from '@netral/ui/i18n';
import { PageHeader } from '@netral/ui/layout';
import { Empty, ErrorState, Loading } from '@netral/ui/states';
import { type AppRouter, errorMessage, useTRPC } from '@netral/ui/trpc';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { diffValues, subjectOf } from './diff';
import { actionLabels, entityLabels, fieldLabels, m, transitionLabel } from './messages';
import './audit.css';

type AuditEvent = inferRouterOutputs<AppRouter>['audit']['list']['items'][number];

const PAGE_SIZE = 50;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function AuditPage({ regencyId, regencyName }: { regencyId: string; regencyName: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const events = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { regencyId, limit: PAGE_SIZE },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const verify = useQuery({ ...trpc.audit.verify.queryOptions({ regencyId }), enabled: false, staleTime: 0 });
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t(m.title)}
        actions={
          <button type="button" onClick={() => verify.refetch()} disabled={verify.isFetching}>
            {verify.isFetching ? t(m.verifying) : t(m.verify)}
          </button>
        }
      >
        <p className="muted">{t(m.lead, { regency: regencyName })}</p>
      </PageHeader>
      <div aria-live="polite" aria-atomic="true">
        {verify.isError ? (
          <p className="alert alert-error">{errorMessage(verify.error, locale)}</p>
        ) : verify.data && !verify.isFetching ? (
          verify.data.ok ? (
            <p className="alert alert-ok">{t(m.chainOk, { n: formatNumber(verify.data.count, locale) })}</p>
          ) : (
            <p className="alert alert-error">
              {t(m.chainBroken, { id: verify.data.brokenAt, reason: verify.data.reason })}
            </p>
          )
        ) : null}
      </div>

      {events.isPending ? (
        <Loading />
      ) : events.isError ? (
        <ErrorState error={events.error} retry={() => events.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t(m.empty)}</Empty>
      ) : (
        <>
          <div className="table-wrap">
            <table className="audit-table">
              <caption className="sr-only">{t(m.caption)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(m.time)}</th>
                  <th scope="col">{t(m.actor)}</th>
                  <th scope="col">{t(m.action)}</th>
                  <th scope="col">{t(m.entity)}</th>
                  <th scope="col">{t(m.changes)}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((e) => (
                  <EventRow key={e.id} event={e} />
                ))}
              </tbody>
            </table>
          </div>
          <div className="audit-more">
            <span aria-live="polite">{t(m.shown, { n: formatNumber(items.length, locale) })}</span>
            {events.hasNextPage ? (
              <button type="button" onClick={() => events.fetchNextPage()} disabled={events.isFetchingNextPage}>
                {events.isFetchingNextPage ? t(m.loadingMore) : t(m.more)}
              </button>
            ) : (
              <span className="muted">{t(m.end)}</span>
            )}
          </div>
        </>
      )}
    </>
  );
}

function EventRow({ event: e }: { event: AuditEvent }) {
  const { t, locale } = useI18n();
  const lines = diffValues(e.before, e.after);
  const transition = /^case\.transition\.(.+)$/.exec(e.action);
  const actionLabel = actionLabels[e.action];
  const entity = entityLabels[e.entity];
  const subject = subjectOf(e.before, e.after);
  return (
    <tr data-action={e.action}>
      <td className="nowrap">
        <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time>
        <div className="muted small">#{e.id}</div>
      </td>
      <td className="mono">{e.actorUsername ?? <span className="muted">{t(m.system)}</span>}</td>
      <td>
        {actionLabel ? t(actionLabel) : transition ? t(transitionLabel, { verb: transition[1] ?? '' }) : e.action}
        <div className="muted small mono">{e.action}</div>
      </td>
      <td>
        {entity ? t(entity) : e.entity}
        {subject && <div className="strong">{subject}</div>}
        {e.entityId && <div className="muted small mono id-cell">{e.entityId}</div>}
      </td>
      <td className="changes-cell">
        {lines.length === 0 ? (
          <span className="muted">{t(m.noChanges)}</span>
        ) : (
          <details>
            <summary>{t(m.showChanges, { n: lines.length })}</summary>
            <table className="diff-table">
              <thead>
                <tr>
                  <th scope="col">{t(m.field)}</th>
                  <th scope="col">{t(m.before)}</th>
                  <th scope="col">{t(m.after)}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((l) => {
                  // `provisions[A.e].codes` reads "Ketentuan A.e · Kode larangan".
                  const parts = l.field.split(/\.(?![^[]*\])/).map((part) => {
                    const keyed = /^(\w+)\[(.+)\]$/.exec(part);
                    const word = keyed?.[1] ?? part;
                    const label = fieldLabels[word] ? t(fieldLabels[word]) : word;
                    return keyed ? `${label} ${keyed[2]}` : label;
                  });
                  const value = (v: string | null) => (v !== null && ISO_TIME.test(v) ? formatDateTime(v, locale) : v);
                  return (
                    <tr key={l.field}>
                      <th scope="row">
                        {parts.join(' · ')}
                        <div className="muted small mono">{l.field}</div>
                      </th>
                      <td className={l.before === null ? 'muted' : 'del'}>{value(l.before) ?? '—'}</td>
                      <td className={l.after === null ? 'muted' : 'ins'}>{value(l.after) ?? '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </details>
        )}
      </td>
    </tr>
  );
}
