/**
 * Work units (perangkat daerah) of a regency as a tree: create, rename, re-kind and move them,
 * retire and restore them, and delete one entered by mistake (the server refuses when cases name
 * it, and says to retire it instead). A stale edit is answered with the stored values beside the
 * user's, to save theirs over the new version or take the stored ones.
 */
import { type UnitKind, unitKindLabels, unitKindSchema } from '@netral/domain/model';
import { ConflictNotice } from '@netral/ui/conflict';
import { formatDate, formatNumber } from '@netral/ui/format';
import { Field } from '@netral/ui/forms';
import { common, useI18n } from '@netral/ui/i18n';
import { PageHeader } from '@netral/ui/layout';
import { useSession } from '@netral/ui/session';
import { Empty, ErrorState, Loading } from '@netral/ui/states';
import { type AppRouter, errorCode, errorMessage, fieldErrors, useTRPC } from '@netral/ui/trpc';
import { useUrlState } from '@netral/ui/url-state';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { z } from 'zod';
import { m } from './messages';
import './units.css';

type Unit = inferRouterOutputs<AppRouter>['units']['list'][number];

const filtersSchema = z.object({
  retired: z.enum(['1']).optional(),
  kind: unitKindSchema.optional(),
  q: z.string().max(200).optional(),
});

/** Units in tree order (parents before their children, siblings by name) with their depth. */
function treeOrder(units: Unit[]): { unit: Unit; depth: number }[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, Unit[]>();
  for (const u of units) {
    const parent = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: { unit: Unit; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'id'));
    for (const u of list) {
      if (seen.has(u.id)) continue;
      seen.add(u.id);
      out.push({ unit: u, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** A unit and everything below it: none of them may become its parent. */
function selfAndDescendants(units: Unit[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId !== null && out.has(u.parentId) && !out.has(u.id)) {
        out.add(u.id);
        grew = true;
      }
    }
  }
  return out;
}

type Panel = { mode: 'create' } | { mode: 'edit'; id: string } | null;
type Notice = { tone: 'ok' | 'error'; text: string } | null;

export function UnitsPage({ regencyId, regencyName }: { regencyId: string; regencyName: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const session = useSession();
  const roles = session.rolesIn(regencyId);
  const canWrite = roles.includes('regency_admin') || roles.includes('national_admin');
  const [filters, setFilters] = useUrlState(filtersSchema);
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const units = useQuery(trpc.units.list.queryOptions({ regencyId, includeRetired: true }));

  const refresh = () => queryClient.invalidateQueries(trpc.units.list.pathFilter());
  const failed = (error: unknown) => {
    setNotice({ tone: 'error', text: errorMessage(error, locale) });
    if (errorCode(error) === 'CONFLICT' || errorCode(error) === 'NOT_FOUND') void refresh();
  };
  const retire = useMutation(
    trpc.units.retire.mutationOptions({
      onSuccess: async (u) => {
        setNotice({ tone: 'ok', text: t(u.retiredAt ? m.retired : m.restored, { name: u.name }) });
        await refresh();
      },
      onError: failed,
    }),
  );
  const remove = useMutation(
    trpc.units.remove.mutationOptions({
      onSuccess: async (_, vars) => {
        const name = units.data?.find((u) => u.id === vars.id)?.name ?? '';
        setConfirming(null);
        setNotice({ tone: 'ok', text: t(m.removed, { name }) });
        if (panel?.mode === 'edit' && panel.id === vars.id) setPanel(null);
        await refresh();
      },
      onError: (error) => {
        setConfirming(null);
        failed(error);
      },
    }),
  );

  const all = units.data ?? [];
  const byId = useMemo(() => new Map(all.map((u) => [u.id, u])), [all]);
  const rows = useMemo(() => {
    const q = filters.q?.trim().toLowerCase() ?? '';
    return treeOrder(all).filter(
      ({ unit: u }) =>
        (filters.retired === '1' || u.retiredAt === null) &&
        (!filters.kind || u.kind === filters.kind) &&
        (q === '' || u.name.toLowerCase().includes(q)),
    );
  }, [all, filters]);
  const editing = panel?.mode === 'edit' ? byId.get(panel.id) : undefined;

  return (
    <>
      <PageHeader
        title={t(m.title)}
        actions={
          canWrite && (
            <button
              type="button"
              className="primary"
              onClick={() => {
                setNotice(null);
                setPanel({ mode: 'create' });
              }}
            >
              {t(m.add)}
            </button>
          )
        }
      >
        <p className="muted">{t(m.lead, { regency: regencyName })}</p>
      </PageHeader>
      {!canWrite && <p className="alert alert-info">{t(m.readOnly)}</p>}

      <div aria-live="polite">
        {notice && <p className={notice.tone === 'ok' ? 'alert alert-ok' : 'alert alert-error'}>{notice.text}</p>}
      </div>

      {panel && canWrite && (panel.mode === 'create' || editing) && (
        <UnitForm
          key={panel.mode === 'edit' ? panel.id : 'create'}
          regencyId={regencyId}
          units={all}
          unit={editing}
          onDone={(text) => {
            setPanel(null);
            setNotice({ tone: 'ok', text });
          }}
          onCancel={() => setPanel(null)}
        />
      )}

      <form className="toolbar" onSubmit={(e) => e.preventDefault()} aria-label={t(common.filter)}>
        <div className="field">
          <label htmlFor="unit-q">{t(m.filterName)}</label>
          <input
            id="unit-q"
            type="search"
            value={filters.q ?? ''}
            onChange={(e) => setFilters({ q: e.target.value || undefined }, { replace: true })}
          />
        </div>
        <div className="field">
          <label htmlFor="unit-kind">{t(m.kind)}</label>
          <select
            id="unit-kind"
            value={filters.kind ?? ''}
            onChange={(e) => setFilters({ kind: e.target.value ? unitKindSchema.parse(e.target.value) : undefined })}
          >
            <option value="">{t(m.allKinds)}</option>
            {unitKindSchema.options.map((k) => (
              <option key={k} value={k}>
                {t(unitKindLabels[k])}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={filters.retired === '1'}
            onChange={(e) => setFilters({ retired: e.target.checked ? '1' : undefined })}
          />
          {t(m.showRetired)}
        </label>
      </form>

      {units.isPending ? (
        <Loading />
      ) : units.isError ? (
        <ErrorState error={units.error} retry={() => units.refetch()} />
      ) : rows.length === 0 ? (
        <Empty>{all.length === 0 ? t(m.empty) : t(m.emptyFiltered)}</Empty>
      ) : (
        <>
          <p className="sr-only" aria-live="polite">
            {t(m.count, { n: rows.length })}
          </p>
          <div className="table-wrap">
            <table className="units-table">
              <caption className="sr-only">{t(m.caption)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(m.name)}</th>
                  <th scope="col">{t(m.kind)}</th>
                  <th scope="col">{t(m.parent)}</th>
                  <th scope="col" className="num" title={t(m.casesHint)}>
                    {t(m.cases)}
                  </th>
                  <th scope="col">{t(m.status)}</th>
                  {canWrite && <th scope="col">{t(m.actions)}</th>}
                </tr>
              </thead>
              <tbody>
                {rows.map(({ unit: u, depth }) => {
                  const parent = u.parentId ? byId.get(u.parentId) : undefined;
                  return (
                    <tr key={u.id} className={u.retiredAt ? 'retired' : undefined}>
                      <th scope="row" style={{ paddingLeft: `${0.6 + depth * 1.2}rem` }}>
                        {depth > 0 && (
                          <span aria-hidden="true" className="muted">
                            └{' '}
                          </span>
                        )}
                        {u.name}
                      </th>
                      <td>{t(unitKindLabels[u.kind])}</td>
                      <td>{parent ? parent.name : <span className="muted">—</span>}</td>
                      <td className="num">{formatNumber(u.caseCount, locale)}</td>
                      <td>
                        {u.retiredAt ? (
                          <span className="badge">{t(m.retiredOn, { date: formatDate(u.retiredAt, locale) })}</span>
                        ) : (
                          <span className="badge ok">{t(m.active)}</span>
                        )}
                      </td>
                      {canWrite && (
                        <td className="row-actions">
                          {confirming === u.id ? (
                            <span className="confirm">
                              <span>{t(m.removeConfirm, { name: u.name })}</span>
                              <button
                                type="button"
                                className="danger"
                                disabled={remove.isPending}
                                onClick={() => remove.mutate({ regencyId, id: u.id, version: u.version })}
                              >
                                {t(m.removeYes)}
                              </button>
                              <button type="button" onClick={() => setConfirming(null)}>
                                {t(common.cancel)}
                              </button>
                            </span>
                          ) : (
                            <>
                              <button
                                type="button"
                                aria-label={t(m.editNamed, { name: u.name })}
                                onClick={() => {
                                  setNotice(null);
                                  setPanel({ mode: 'edit', id: u.id });
                                }}
                              >
                                {t(m.edit)}
                              </button>
                              <button
                                type="button"
                                aria-label={t(u.retiredAt ? m.restoreNamed : m.retireNamed, { name: u.name })}
                                disabled={retire.isPending}
                                onClick={() =>
                                  retire.mutate({
                                    regencyId,
                                    id: u.id,
                                    version: u.version,
                                    retired: u.retiredAt === null,
                                  })
                                }
                              >
                                {t(u.retiredAt ? m.restore : m.retire)}
                              </button>
                              <button
                                type="button"
                                className="danger"
                                aria-label={t(m.removeNamed, { name: u.name })}
                                onClick={() => {
                                  setNotice(null);
                                  setConfirming(u.id);
                                }}
                              >
                                {t(m.remove)}
                              </button>
                            </>
                          )}
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

interface UnitFormValues {
  name: string;
  kind: UnitKind | '';
  parentId: string;
}

const valuesOf = (u: Unit | undefined): UnitFormValues =>
  u ? { name: u.name, kind: u.kind, parentId: u.parentId ?? '' } : { name: '', kind: '', parentId: '' };

/** Creates a unit, or edits one at the version it was opened with. */
function UnitForm({
  regencyId,
  units,
  unit,
  onDone,
  onCancel,
}: {
  regencyId: string;
  units: Unit[];
  unit: Unit | undefined;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formId = useId();
  const [form, setForm] = useState<UnitFormValues>(() => valuesOf(unit));
  const [version, setVersion] = useState(unit?.version ?? 0);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [latest, setLatest] = useState<Unit | null>(null);
  // The heading keeps the name the form was opened with, even when the list refreshes meanwhile.
  const [openedName] = useState(unit?.name ?? '');

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const done = async (text: string) => {
    await queryClient.invalidateQueries(trpc.units.list.pathFilter());
    onDone(text);
  };
  const failed = async (error: unknown) => {
    setErrors(fieldErrors(error));
    setFormError(errorMessage(error, locale));
    if (errorCode(error) === 'CONFLICT' && unit) {
      const fresh = await queryClient.fetchQuery({
        ...trpc.units.list.queryOptions({ regencyId, includeRetired: true }),
        staleTime: 0,
      });
      setLatest(fresh.find((u) => u.id === unit.id) ?? null);
    }
  };
  const create = useMutation(
    trpc.units.create.mutationOptions({
      onSuccess: (u) => done(t(m.created, { name: u.name })),
      onError: failed,
    }),
  );
  const update = useMutation(
    trpc.units.update.mutationOptions({
      onSuccess: (u) => done(t(m.updated, { name: u.name })),
      onError: failed,
    }),
  );

  const excluded = unit ? selfAndDescendants(units, unit.id) : new Set<string>();
  const parents = units
    .filter((u) => !excluded.has(u.id) && (u.retiredAt === null || u.id === form.parentId))
    .sort((a, b) => a.name.localeCompare(b.name, 'id'));
  const nameOf = (id: string | null | undefined) => (id ? (units.find((u) => u.id === id)?.name ?? id) : '—');
  const kindOf = (k: UnitKind | '') => (k ? t(unitKindLabels[k]) : '—');

  const send = (atVersion: number) => {
    setLatest(null);
    const kind = form.kind === '' ? undefined : form.kind;
    if (unit) {
      update.mutate({
        regencyId,
        id: unit.id,
        version: atVersion,
        name: form.name,
        ...(kind && { kind }),
        parentId: form.parentId || null,
      });
    } else {
      create.mutate({ regencyId, name: form.name, kind: kind as UnitKind, parentId: form.parentId || null });
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send(version);
  };
  const busy = create.isPending || update.isPending;

  return (
    <section className="card unit-form" aria-labelledby={`${formId}-h`}>
      <h2 id={`${formId}-h`} ref={headingRef} tabIndex={-1}>
        {unit ? t(m.editTitle, { name: openedName }) : t(m.addTitle)}
      </h2>
      <div aria-live="polite">
        {latest ? (
          <ConflictNotice
            busy={busy}
            rows={[
              { label: t(m.name), current: latest.name, mine: form.name },
              { label: t(m.kind), current: kindOf(latest.kind), mine: kindOf(form.kind) },
              { label: t(m.parent), current: nameOf(latest.parentId), mine: nameOf(form.parentId || null) },
            ]}
            onReapply={() => {
              setVersion(latest.version);
              send(latest.version);
            }}
            onDiscard={() => {
              setForm(valuesOf(latest));
              setVersion(latest.version);
              setLatest(null);
              setFormError(null);
              setErrors({});
            }}
          />
        ) : (
          formError && <p className="alert alert-error">{formError}</p>
        )}
      </div>
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          <Field label={t(m.name)} error={errors.name}>
            {(p) => (
              <input
                {...p}
                value={form.name}
                maxLength={200}
                onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))}
              />
            )}
          </Field>
          <Field label={t(m.kind)} error={errors.kind}>
            {(p) => (
              <select
                {...p}
                value={form.kind}
                onChange={(e) =>
                  setForm((f) => ({ ...f, kind: e.target.value ? unitKindSchema.parse(e.target.value) : '' }))
                }
              >
                <option value="">—</option>
                {unitKindSchema.options.map((k) => (
                  <option key={k} value={k}>
                    {t(unitKindLabels[k])}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t(m.parent)} error={errors.parentId}>
            {(p) => (
              <select
                {...p}
                value={form.parentId}
                onChange={(e) => setForm((f) => ({ ...f, parentId: e.target.value }))}
              >
                <option value="">{t(m.noParent)}</option>
                {parents.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                    {u.retiredAt ? ` ${t(m.retiredParent)}` : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t(common.save)}
          </button>
          <button type="button" onClick={onCancel}>
            {t(common.cancel)}
          </button>
        </div>
      </form>
    </section>
  );
}
