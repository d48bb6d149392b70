/**
 * Two circulars side by side, possibly of two regencies: which national prohibition codes each
 * covers or lacks, and their provisions paired by path or similar text. The choice is in the URL.
 */
import { circularStatusLabels } from '@netral/domain/model';
import { regimeLabels, regimeSchema } from '@netral/domain/taxonomy';
import { formatNumber, formatPercent } from '@netral/ui/format';
import { useI18n } from '@netral/ui/i18n';
import { PageHeader } from '@netral/ui/layout';
import { Empty, ErrorState, Loading } from '@netral/ui/states';
import { useTRPC } from '@netral/ui/trpc';
import { useUrlState } from '@netral/ui/url-state';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'wouter';
import { z } from 'zod';
import { m } from './messages';
import { CodeChips, useTaxonomy } from './taxonomy';
import type { CircularSummary, Comparison } from './types';

const selectionSchema = z.object({
  a: z.guid().optional(),
  b: z.guid().optional(),
  diff: z.enum(['1']).optional(),
});

type Coverage = Comparison['coverage'][number]['coveredBy'];
const coverageTone: Record<Coverage, string> = { both: 'badge ok', a: 'badge warn', b: 'badge warn', neither: 'badge' };
const coverageLabel = { both: m.covBoth, a: m.covA, b: m.covB, neither: m.covNeither } as const;

export function CircularComparePage({ regencyId }: { regencyId: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const [sel, setSel] = useUrlState(selectionSchema);
  // Every circular the user may read, in every regency: comparing across regencies is the point.
  const circulars = useQuery(trpc.circulars.list.queryOptions({ pageSize: 100 }));
  const regencies = useQuery({ ...trpc.regencies.list.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const regencyName = useMemo(() => new Map((regencies.data ?? []).map((r) => [r.id, r.name])), [regencies.data]);

  const byId = useMemo(() => new Map((circulars.data?.items ?? []).map((c) => [c.id, c])), [circulars.data]);
  const a = sel.a ? byId.get(sel.a) : undefined;
  const b = sel.b ? byId.get(sel.b) : undefined;
  const ref = (c: CircularSummary) => (c.regencyId === null ? { id: c.id } : { id: c.id, regencyId: c.regencyId });
  const comparison = useQuery({
    ...trpc.circulars.compare.queryOptions({ a: a ? ref(a) : { id: '' }, b: b ? ref(b) : { id: '' } }),
    enabled: a !== undefined && b !== undefined,
  });

  const label = (c: CircularSummary) => {
    const where = c.regencyId === null ? c.provinceCode : (regencyName.get(c.regencyId) ?? c.regencyId);
    return `${where} — SE ${c.number ?? t(m.noNumber)} (${t(circularStatusLabels[c.status])}, ${t(m.version)} ${c.version})`;
  };

  // Own regency first, then the others; published before the rest.
  const options = useMemo(() => {
    const items = [...(circulars.data?.items ?? [])];
    const rank = (c: CircularSummary) => (c.regencyId === regencyId ? 0 : 1) * 2 + (c.status === 'published' ? 0 : 1);
    return items.sort((x, y) => rank(x) - rank(y));
  }, [circulars.data, regencyId]);

  return (
    <>
      <p>
        <Link href="/">{t(m.back)}</Link>
      </p>
      <PageHeader title={t(m.compareTitle)}>
        <p className="muted">{t(m.compareLead)}</p>
      </PageHeader>

      {circulars.isPending ? (
        <Loading />
      ) : circulars.isError ? (
        <ErrorState error={circulars.error} retry={() => circulars.refetch()} />
      ) : (
        <form className="toolbar" onSubmit={(e) => e.preventDefault()}>
          {(['a', 'b'] as const).map((side) => (
            <div className="field" key={side}>
              <label htmlFor={`cmp-${side}`}>{t(side === 'a' ? m.circularA : m.circularB)}</label>
              <select
                id={`cmp-${side}`}
                value={sel[side] ?? ''}
                onChange={(e) => setSel({ [side]: e.target.value || undefined })}
                className="select-wide"
              >
                <option value="">{t(m.choose)}</option>
                {options.map((c) => (
                  <option key={c.id} value={c.id}>
                    {label(c)}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <button type="button" disabled={!sel.a && !sel.b} onClick={() => setSel({ a: sel.b, b: sel.a })}>
            {t(m.swap)}
          </button>
        </form>
      )}
      <p className="hint">{t(m.compareScopeNote)}</p>

      {!a || !b ? (
        <Empty>{t(m.compareChooseBoth)}</Empty>
      ) : comparison.isPending ? (
        <Loading />
      ) : comparison.isError ? (
        <ErrorState error={comparison.error} retry={() => comparison.refetch()} />
      ) : (
        <Result
          data={comparison.data}
          labelA={label(a)}
          labelB={label(b)}
          onlyDiff={sel.diff === '1'}
          setOnlyDiff={(on) => setSel({ diff: on ? '1' : undefined }, { replace: true })}
          locale={locale}
        />
      )}
    </>
  );
}

function Result({
  data,
  labelA,
  labelB,
  onlyDiff,
  setOnlyDiff,
  locale,
}: {
  data: Comparison;
  labelA: string;
  labelB: string;
  onlyDiff: boolean;
  setOnlyDiff: (on: boolean) => void;
  locale: 'id' | 'en';
}) {
  const { t } = useI18n();
  const taxonomy = useTaxonomy();
  const rows = onlyDiff ? data.coverage.filter((c) => c.coveredBy === 'a' || c.coveredBy === 'b') : data.coverage;
  const fmt = (n: number) => formatNumber(n, locale);
  return (
    <>
      <section className="card" aria-labelledby="cov-heading">
        <h2 id="cov-heading">{t(m.coverage)}</h2>
        <p>
          <strong>A:</strong> {labelA}
          <br />
          <strong>B:</strong> {labelB}
        </p>
        <dl className="counts" aria-live="polite">
          {(['both', 'a', 'b', 'neither'] as const).map((k) => (
            <div key={k}>
              <dt>{t(coverageLabel[k])}</dt>
              <dd>{fmt(data.counts[k])}</dd>
            </div>
          ))}
        </dl>
        <label className="check">
          <input type="checkbox" checked={onlyDiff} onChange={(e) => setOnlyDiff(e.target.checked)} />
          {t(m.onlyDifferences)}
        </label>
        <div className="table-wrap">
          <table className="coverage-table">
            <caption className="sr-only">{t(m.coverageCaption)}</caption>
            <thead>
              <tr>
                <th scope="col">{t(m.code)}</th>
                <th scope="col">{t(m.regime)}</th>
                <th scope="col">{t(m.wording)}</th>
                <th scope="col">{t(m.inA)}</th>
                <th scope="col">{t(m.inB)}</th>
                <th scope="col">{t(m.status)}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => {
                const regime = regimeSchema.safeParse(c.regime);
                return (
                  <tr key={c.code} data-code={c.code}>
                    <th scope="row" className="mono">
                      {c.code}
                    </th>
                    <td>{regime.success ? t(regimeLabels[regime.data]) : c.regime}</td>
                    <td className="wording" title={c.wording}>
                      {locale === 'id' ? c.wording : c.gloss}
                    </td>
                    <td className="mono">
                      {c.aPaths.length > 0 ? c.aPaths.join(', ') : <span className="muted">{t(m.missing)}</span>}
                    </td>
                    <td className="mono">
                      {c.bPaths.length > 0 ? c.bPaths.join(', ') : <span className="muted">{t(m.missing)}</span>}
                    </td>
                    <td>
                      <span className={coverageTone[c.coveredBy]}>{t(coverageLabel[c.coveredBy])}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="sbs-heading">
        <h2 id="sbs-heading">{t(m.sideBySide)}</h2>
        <div className="table-wrap">
          <table className="side-table">
            <caption className="sr-only">{t(m.sideBySideCaption)}</caption>
            <thead>
              <tr>
                <th scope="col">A</th>
                <th scope="col">B</th>
                <th scope="col">{t(m.matchedBy)}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r, i) => (
                <tr key={i}>
                  <td>{r.a ? <Side p={r.a} taxonomy={taxonomy} /> : <span className="muted">—</span>}</td>
                  <td>{r.b ? <Side p={r.b} taxonomy={taxonomy} /> : <span className="muted">—</span>}</td>
                  <td>
                    {r.matchedBy === 'path'
                      ? t(m.matchedByPath)
                      : r.matchedBy === 'text'
                        ? t(m.matchedByText, { pct: formatPercent(r.similarity, locale) })
                        : t(m.unmatched)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

function Side({
  p,
  taxonomy,
}: {
  p: NonNullable<Comparison['rows'][number]['a']>;
  taxonomy: ReturnType<typeof useTaxonomy>;
}) {
  return (
    <div className="side">
      <span className="mono strong">{p.path}</span> <CodeChips codes={p.codes} taxonomy={taxonomy} />
      <div className="provision-text">{p.text}</div>
    </div>
  );
}
