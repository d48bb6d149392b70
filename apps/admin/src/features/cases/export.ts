/**
 * Export of the filtered case list: the pages of `cases.list` (200 rows each, keyset order) up to
 * a cap, as CSV or XLSX, with the filters and the time of the data written above the rows.
 */
import { type PositionClass, positionClassLabels } from '@netral/domain/model';
import { type CampaignPhase, campaignPhaseLabels, type PhaseBucket, phaseBucketLabels } from '@netral/domain/phases';
import { type SanctionLevel, sanctionLevelLabels } from '@netral/domain/taxonomy';
import { caseStatusLabels } from '@netral/domain/workflow';
import { downloadCsv, downloadXlsx, type ExportColumn, type ExportMeta } from '@netral/ui/download';
import { formatDateTime } from '@netral/ui/format';
import type { Locale, Message } from '@netral/ui/i18n';
import { describeFilters, type ListFilters, type ListState, listInput } from './filters';
import { m } from './messages';
import type { CaseListRow, Inputs, Outputs } from './shared';

/** Most rows one export holds; beyond it the user narrows the filters (and is told so). */
export const EXPORT_CAP = 10_000;
const EXPORT_PAGE = 200;

type Translate = (message: Message, values?: Record<string, string | number>) => string;

export type FetchPage = (input: Inputs['cases']['list']) => Promise<Outputs['cases']['list']>;

/** Reads the list page after page until it ends or reaches the cap. */
export async function fetchAllRows(
  fetchPage: FetchPage,
  regencyId: string,
  state: ListState,
  onProgress: (rows: number) => void,
  cap = EXPORT_CAP,
): Promise<{ rows: CaseListRow[]; capped: boolean }> {
  const rows: CaseListRow[] = [];
  let cursor: string | null = null;
  do {
    const page: Outputs['cases']['list'] = await fetchPage({
      ...listInput(regencyId, state),
      cursor,
      limit: Math.min(EXPORT_PAGE, cap - rows.length),
    });
    rows.push(...page.rows);
    onProgress(rows.length);
    cursor = page.nextCursor;
  } while (cursor && rows.length < cap);
  return { rows, capped: cursor !== null };
}

export function exportColumns(t: Translate, locale: Locale): ExportColumn<CaseListRow>[] {
  return [
    { header: t(m.hId), value: (r) => r.id },
    { header: t(m.hName), value: (r) => r.subjectName },
    // As text, so a spreadsheet does not turn 18 digits into 1.98E+17.
    { header: t(m.hNip), value: (r) => r.subjectNip },
    {
      header: t(m.hPositionClass),
      value: (r) => (r.positionClass ? t(positionClassLabels[r.positionClass as PositionClass]) : null),
    },
    { header: t(m.hUnit), value: (r) => r.unitName },
    { header: t(m.hContest), value: (r) => r.contest },
    { header: t(m.hActOn), value: (r) => r.actOn },
    {
      header: t(m.hPhase),
      value: (r) => t(campaignPhaseLabels[r.phase as CampaignPhase] ?? { id: r.phase, en: r.phase }),
    },
    {
      header: t(m.hBucket),
      value: (r) => t(phaseBucketLabels[r.phaseBucket as PhaseBucket] ?? { id: r.phaseBucket, en: r.phaseBucket }),
    },
    { header: t(m.hCodes), value: (r) => r.codes.join(', ') },
    { header: t(m.hStatus), value: (r) => caseStatusLabels[r.status].id },
    { header: t(m.hReceived), value: (r) => r.receivedOn },
    { header: t(m.hDeadline), value: (r) => r.ppkDeadline },
    { header: t(m.hOverdue), value: (r) => (r.overdue ? (locale === 'id' ? 'Ya' : 'Yes') : '') },
    {
      header: t(m.hSanction),
      value: (r) => (r.sanctionLevel ? t(sanctionLevelLabels[r.sanctionLevel as SanctionLevel]) : null),
    },
    { header: t(m.hUpdated), value: (r) => r.updatedAt },
  ];
}

export interface ExportRequest {
  format: 'csv' | 'xlsx';
  regencyId: string;
  regencyName: string;
  state: ListState;
  filters: ListFilters;
  unitName?: string | undefined;
  fetchPage: FetchPage;
  t: Translate;
  locale: Locale;
  onProgress: (rows: number) => void;
}

/** Fetches, writes and downloads the file; returns its name, its row count and whether it was capped. */
export async function exportCases(req: ExportRequest): Promise<{ file: string; rows: number; capped: boolean }> {
  const asOf = new Date();
  const { rows, capped } = await fetchAllRows(req.fetchPage, req.regencyId, req.state, req.onProgress);
  const meta: ExportMeta = [
    [req.t(m.exportTitle), req.regencyName],
    [req.t(m.exportFilters), describeFilters(req.filters, req.t, { unit: req.unitName })],
    [req.t(m.exportSort), `${req.state.sort} ${req.state.dir}`],
    [req.t(m.exportAsOf), `${formatDateTime(asOf, req.locale)} (${asOf.toISOString()})`],
    [req.t(m.exportRows), String(rows.length)],
  ];
  if (capped) meta.push([req.t(m.exportNote), req.t(m.exportCapped, { cap: EXPORT_CAP })]);
  const stamp = asOf.toISOString().slice(0, 16).replace(/[-:T]/g, '');
  const file = `kasus-${req.regencyId.replace('.', '')}-${stamp}.${req.format}`;
  const columns = exportColumns(req.t, req.locale);
  if (req.format === 'csv') downloadCsv(file, rows, columns, meta);
  else await downloadXlsx(file, rows, columns, meta);
  return { file, rows: rows.length, capped };
}
