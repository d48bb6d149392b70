/**
 * The filter controls of the dashboard and the comparison: area (limited to the regencies the
 * user may see), contest, months, status, unit kind, and the active filters as removable chips.
 * Everything lives in the URL; the parent owns the state (`useUrlState`).
 */
import { caseStatusLabels } from '@netral/domain/workflow';
import { type Message, useI18n } from '@netral/ui/i18n';
import { useTRPC } from '@netral/ui/trpc';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { caseStatuses, type Filters, noFilters, type Status, unitKinds } from './filters';
import type { Labels } from './labels';
import { m } from './messages';

export function FilterBar({
  filters,
  setFilters,
  labels,
  show = { contest: true, dates: true },
}: {
  filters: Filters;
  setFilters: (patch: Partial<Filters>) => void;
  labels: Labels;
  show?: { contest: boolean; dates: boolean };
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const regencies = useQuery({ ...trpc.regencies.list.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const contests = useQuery({ ...trpc.contests.list.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const id = useId();
  const ids = {
    province: `${id}-province`,
    regency: `${id}-regency`,
    contest: `${id}-contest`,
    from: `${id}-from`,
    to: `${id}-to`,
    kind: `${id}-kind`,
    exclusive: `${id}-exclusive`,
    range: `${id}-range`,
  };
  const provinces = [
    ...new Map((regencies.data ?? []).map((r) => [r.provinceCode, r.provinceName] as const)).entries(),
  ].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)); // codes: plain order, no ICU collator
  const inProvince = (regencies.data ?? []).filter((r) => !filters.province || r.provinceCode === filters.province);
  const statuses = filters.status ?? [];
  const exclusive = statuses.length > 0 && filters.unitKind !== undefined;
  const badRange = filters.from !== undefined && filters.to !== undefined && filters.from > filters.to;

  const toggleStatus = (status: Status, on: boolean) => {
    const next = on ? [...statuses, status] : statuses.filter((s) => s !== status);
    setFilters({ status: next.length > 0 ? caseStatuses.filter((s) => next.includes(s)) : undefined });
  };

  const chips: { name: string; value: string; clear: Partial<Filters> }[] = [];
  if (filters.regency) {
    chips.push({ name: t(m.regency), value: labels.regencyName(filters.regency), clear: { regency: undefined } });
  }
  if (filters.province) {
    chips.push({
      name: t(m.province),
      value: labels.provinceName(filters.province),
      clear: { province: undefined, regency: undefined },
    });
  }
  if (filters.contest) {
    chips.push({ name: t(m.contest), value: labels.contestName(filters.contest), clear: { contest: undefined } });
  }
  if (filters.from) chips.push({ name: t(m.from), value: filters.from, clear: { from: undefined } });
  if (filters.to) chips.push({ name: t(m.to), value: filters.to, clear: { to: undefined } });
  for (const s of statuses) {
    chips.push({
      name: t(m.status),
      value: t(caseStatusLabels[s] as Message),
      clear: { status: statuses.length > 1 ? statuses.filter((x) => x !== s) : undefined },
    });
  }
  if (filters.unitKind) {
    chips.push({
      name: t(m.unitKind),
      value: labels.key('unit_kind', filters.unitKind === 'none' ? '' : filters.unitKind),
      clear: { unitKind: undefined },
    });
  }

  return (
    <section className="filter-bar card" aria-label={t(m.filters)}>
      <div className="toolbar">
        <div className="field">
          <label htmlFor={ids.province}>{t(m.province)}</label>
          <select
            id={ids.province}
            value={filters.province ?? ''}
            onChange={(e) => {
              const province = e.target.value || undefined;
              const keep = filters.regency && province && filters.regency.startsWith(`${province}.`);
              setFilters({ province, regency: keep ? filters.regency : undefined });
            }}
          >
            <option value="">{t(m.allProvinces)}</option>
            {provinces.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.regency}>{t(m.regency)}</label>
          <select
            id={ids.regency}
            value={filters.regency ?? ''}
            onChange={(e) => {
              const regency = e.target.value || undefined;
              const province = regency ? regencies.data?.find((r) => r.id === regency)?.provinceCode : filters.province;
              setFilters({ regency, province });
            }}
          >
            <option value="">{t(m.allRegencies)}</option>
            {inProvince.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        {show.contest && (
          <div className="field">
            <label htmlFor={ids.contest}>{t(m.contest)}</label>
            <select
              id={ids.contest}
              value={filters.contest ?? ''}
              onChange={(e) => setFilters({ contest: e.target.value || undefined })}
            >
              <option value="">{t(m.allContests)}</option>
              {(contests.data ?? []).map((c) => (
                <option key={c.code} value={c.code}>
                  {labels.contestFullName(c.code)}
                </option>
              ))}
            </select>
          </div>
        )}
        {show.dates && (
          <>
            <div className="field">
              <label htmlFor={ids.from}>{t(m.from)}</label>
              <input
                id={ids.from}
                type="month"
                value={filters.from ?? ''}
                max={filters.to}
                aria-describedby={badRange ? ids.range : undefined}
                aria-invalid={badRange || undefined}
                onChange={(e) => setFilters({ from: e.target.value || undefined })}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.to}>{t(m.to)}</label>
              <input
                id={ids.to}
                type="month"
                value={filters.to ?? ''}
                min={filters.from}
                aria-describedby={badRange ? ids.range : undefined}
                aria-invalid={badRange || undefined}
                onChange={(e) => setFilters({ to: e.target.value || undefined })}
              />
            </div>
          </>
        )}
        <details className="field status-picker">
          <summary>
            {t(m.status)}: {statuses.length === 0 ? t(m.allStatuses) : t(m.statusCount, { n: statuses.length })}
          </summary>
          <fieldset aria-describedby={ids.exclusive}>
            <legend className="sr-only">{t(m.status)}</legend>
            {caseStatuses.map((s) => (
              <label key={s} className="check">
                <input
                  type="checkbox"
                  checked={statuses.includes(s)}
                  disabled={filters.unitKind !== undefined && !statuses.includes(s)}
                  onChange={(e) => toggleStatus(s, e.target.checked)}
                />
                {t(caseStatusLabels[s] as Message)}
              </label>
            ))}
          </fieldset>
        </details>
        <div className="field">
          <label htmlFor={ids.kind}>{t(m.unitKind)}</label>
          <select
            id={ids.kind}
            value={filters.unitKind ?? ''}
            disabled={statuses.length > 0 && filters.unitKind === undefined}
            aria-describedby={ids.exclusive}
            onChange={(e) => setFilters({ unitKind: (e.target.value || undefined) as Filters['unitKind'] })}
          >
            <option value="">{t(m.allUnitKinds)}</option>
            {unitKinds.map((k) => (
              <option key={k} value={k}>
                {labels.key('unit_kind', k)}
              </option>
            ))}
            <option value="none">{t(m.noUnit)}</option>
          </select>
        </div>
      </div>
      <p id={ids.exclusive} className={exclusive ? 'alert alert-warn' : 'hint'} role={exclusive ? 'alert' : undefined}>
        {t(m.statusOrKind)}
      </p>
      {badRange && (
        <p id={ids.range} className="alert alert-warn" role="alert">
          {t(m.rangeInvalid)}
        </p>
      )}
      {chips.length > 0 && (
        <div className="chips">
          <span className="sr-only">{t(m.activeFilters)}:</span>
          <ul>
            {chips.map((chip) => (
              <li key={`${chip.name}-${chip.value}`}>
                <button
                  type="button"
                  className="chip"
                  onClick={() => setFilters(chip.clear)}
                  aria-label={t(m.removeFilter, { name: `${chip.name}: ${chip.value}` })}
                >
                  {chip.name}: {chip.value} <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="link" onClick={() => setFilters(noFilters)}>
            {t(m.resetFilters)}
          </button>
        </div>
      )}
    </section>
  );
}
