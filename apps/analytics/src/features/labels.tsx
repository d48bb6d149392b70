/**
 * Names for people of every analytics key (codes, families, phases, statuses…), in the reader's
 * language, and the sentence that states a view's filters (shown on screen and in every export).
 */
import { positionClassLabels, unitKindLabels } from '@netral/domain/model';
import { campaignPhaseLabels, phaseBucketLabels } from '@netral/domain/phases';
import {
  getProhibitionType,
  isProhibitionCode,
  prohibitionFamilyLabels,
  regimeLabels,
  sanctionLevelLabels,
} from '@netral/domain/taxonomy';
import { caseStatusLabels } from '@netral/domain/workflow';
import type { ExportMeta } from '@netral/ui/download';
import { formatDate, formatDateTime, formatMonth } from '@netral/ui/format';
import { type Locale, type Message, useI18n } from '@netral/ui/i18n';
import { useTRPC } from '@netral/ui/trpc';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { DrillDim, Filters } from './filters';
import { m } from './messages';

type Localized = Readonly<Record<string, Message>>;

function pick(labels: Localized, key: string, locale: Locale): string | undefined {
  return Object.hasOwn(labels, key) ? labels[key]?.[locale] : undefined;
}

export interface Labels {
  locale: Locale;
  /** Short: "Pemilu 2024", "Pilkada 2024". */
  contestName(code: string): string;
  /** As published: "Pemilihan Umum Tahun 2024". */
  contestFullName(code: string): string;
  regencyName(id: string): string;
  provinceName(code: string): string;
  /** The name of a key of a dimension; `unitLabel` is the API's label for units. */
  key(dim: DrillDim, key: string, unitLabel?: string): string;
  /** What a dimension is called (the table's first column). */
  dim(dim: DrillDim): string;
  regimeOfCode(code: string): string | null;
  /** The filters in one sentence, for the screen and the exports. */
  describe(filters: Filters): string;
  /** Lines every export starts with: filters and the time of the data. */
  meta(filters: Filters, dataTime: number | Date | undefined): ExportMeta;
}

/** The reader's labels; contest and regency names come from the API (`contests.list`, `regencies.list`). */
export function useLabels(): Labels {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const contests = useQuery({ ...trpc.contests.list.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const regencies = useQuery({ ...trpc.regencies.list.queryOptions(), staleTime: Number.POSITIVE_INFINITY });

  return useMemo<Labels>(() => {
    const contestFullName = (code: string) => contests.data?.find((c) => c.code === code)?.name[locale] ?? code;
    const contestName = (code: string) => {
      const contest = contests.data?.find((c) => c.code === code);
      if (!contest) return code;
      return `${contest.kind === 'pemilu' ? 'Pemilu' : 'Pilkada'} ${contest.year}`;
    };
    const regencyName = (id: string) => regencies.data?.find((r) => r.id === id)?.name ?? id;
    const provinceName = (code: string) => regencies.data?.find((r) => r.provinceCode === code)?.provinceName ?? code;
    const codeLabel = (code: string) => {
      if (!isProhibitionCode(code)) return code;
      const family = getProhibitionType(code).family;
      return `${code} · ${prohibitionFamilyLabels[family][locale]}`;
    };
    const keyLabel = (dim: DrillDim, key: string, unitLabel?: string): string => {
      switch (dim) {
        case 'code':
          return codeLabel(key);
        case 'family':
          return pick(prohibitionFamilyLabels, key, locale) ?? key;
        case 'regime':
          return pick(regimeLabels, key, locale) ?? key;
        case 'regime_family': {
          const [regime = '', family = ''] = key.split(':');
          return `${pick(prohibitionFamilyLabels, family, locale) ?? family} (${pick(regimeLabels, regime, locale) ?? regime})`;
        }
        case 'unit':
          return key === '' ? t(m.noUnit) : (unitLabel ?? key);
        case 'unit_kind':
          return key === '' ? t(m.noUnit) : (pick(unitKindLabels, key, locale) ?? key);
        case 'phase':
          return pick(campaignPhaseLabels, key, locale) ?? key;
        case 'bucket':
          return pick(phaseBucketLabels, key, locale) ?? key;
        case 'contest':
          return contestName(key);
        case 'status':
          return pick(caseStatusLabels, key, locale) ?? key;
        case 'sanction_level':
          return key === '' ? t(m.noSanction) : (pick(sanctionLevelLabels, key, locale) ?? key);
        case 'position_class':
          return key === '' ? t(m.unknownPosition) : (pick(positionClassLabels, key, locale) ?? key);
        case 'month':
          return formatMonth(key, locale);
        case 'week':
          return t(m.weekOf, { date: formatDate(key, locale, 'short') });
        case 'total':
          return t(m.total);
        case 'flag':
          return (
            {
              proven: t(m.proven),
              sanctioned: t(m.sanctioned),
              recommended: t(m.recommended),
              followed_up: t(m.followedUp),
            }[key] ?? key
          );
        case 'ppk_due':
          return key === 'overdue' ? t(m.overdue) : key;
      }
    };
    const dimNames: Record<DrillDim, Message> = {
      code: m.code,
      family: m.family,
      regime: m.regime,
      regime_family: m.family,
      unit: m.unit,
      unit_kind: m.unitKind,
      phase: m.phase,
      bucket: m.bucket,
      contest: m.contest,
      status: m.status,
      sanction_level: m.sanctionLevel,
      position_class: m.positionClass,
      month: m.month,
      week: m.week,
      total: m.cases,
      flag: m.cases,
      ppk_due: m.overdue,
    };
    const describe = (f: Filters): string => {
      const parts: string[] = [];
      if (f.regency) parts.push(`${t(m.scope)}: ${regencyName(f.regency)}`);
      else if (f.province) parts.push(`${t(m.scope)}: ${provinceName(f.province)}`);
      if (f.contest) parts.push(`${t(m.contest)}: ${contestFullName(f.contest)}`);
      if (f.from || f.to) {
        const from = f.from ? formatMonth(f.from, locale, 'long') : '…';
        const to = f.to ? formatMonth(f.to, locale, 'long') : '…';
        parts.push(`${t(m.period)}: ${from} – ${to}`);
      }
      if (f.status?.length) {
        parts.push(`${t(m.status)}: ${f.status.map((s) => pick(caseStatusLabels, s, locale) ?? s).join(', ')}`);
      } else if (f.unitKind) {
        parts.push(`${t(m.unitKind)}: ${keyLabel('unit_kind', f.unitKind === 'none' ? '' : f.unitKind)}`);
      }
      return parts.length > 0 ? parts.join('; ') : t(m.noFilter);
    };
    return {
      locale,
      contestName,
      contestFullName,
      regencyName,
      provinceName,
      key: keyLabel,
      dim: (dim) => t(dimNames[dim]),
      regimeOfCode: (code) => (isProhibitionCode(code) ? regimeLabels[getProhibitionType(code).regime][locale] : null),
      describe,
      meta: (f, dataTime) => [
        [t(m.filterLabel), describe(f)],
        [
          t(m.dataAsOf),
          dataTime === undefined
            ? '—'
            : `${formatDateTime(new Date(dataTime), locale)} (${new Date(dataTime).toISOString()})`,
        ],
      ],
    };
  }, [t, locale, contests.data, regencies.data]);
}
