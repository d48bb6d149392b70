/**
 * The national taxonomy of prohibited acts as the circular screens use it: every selectable code
 * (types and their sub-points) with its Indonesian wording, and a chip that shows a code with its
 * wording on hover and to screen readers.
 */
import { type Locale, useI18n } from '@netral/ui/i18n';
import { useTRPC } from '@netral/ui/trpc';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ProhibitionTypeInfo } from './types';

export interface CodeOption {
  code: string;
  regime: ProhibitionTypeInfo['regime'];
  wording: string;
  gloss: string;
  /** The type a sub-point (KE-05a) belongs to; null for a type. */
  parent: string | null;
}

export interface Taxonomy {
  options: CodeOption[];
  byCode: Map<string, CodeOption>;
  isPending: boolean;
  error: unknown;
}

/** `taxonomy.list` flattened to the codes a provision may carry (reference data: cached for the session). */
export function useTaxonomy(): Taxonomy {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.taxonomy.list.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  return useMemo(() => {
    const options: CodeOption[] = [];
    for (const t of query.data ?? []) {
      options.push({ code: t.code, regime: t.regime, wording: t.wording, gloss: t.gloss, parent: null });
      for (const s of t.subPoints) {
        options.push({ code: s.code, regime: t.regime, wording: s.wording, gloss: t.gloss, parent: t.code });
      }
    }
    return {
      options,
      byCode: new Map(options.map((o) => [o.code, o])),
      isPending: query.isPending,
      error: query.error,
    };
  }, [query.data, query.isPending, query.error]);
}

/** The wording a reader of `locale` needs for a code: Indonesian as published, or the English gloss beside it. */
export function describeCode(option: CodeOption | undefined, locale: Locale): string {
  if (!option) return '';
  return locale === 'id' ? option.wording : `${option.gloss} — ${option.wording}`;
}

/** A prohibition code whose wording shows on hover (title) and is read out by screen readers. */
export function CodeChip({ code, taxonomy }: { code: string; taxonomy: Taxonomy }) {
  const { locale } = useI18n();
  const wording = describeCode(taxonomy.byCode.get(code), locale);
  return (
    <span className="badge info code-chip" title={wording || undefined}>
      {code}
      {wording && <span className="sr-only">: {wording}</span>}
    </span>
  );
}

export function CodeChips({
  codes,
  taxonomy,
  empty,
}: {
  codes: readonly string[];
  taxonomy: Taxonomy;
  empty?: string;
}) {
  if (codes.length === 0) return empty ? <span className="muted">{empty}</span> : null;
  return (
    <span className="code-chips">
      {codes.map((c) => (
        <CodeChip key={c} code={c} taxonomy={taxonomy} />
      ))}
    </span>
  );
}
