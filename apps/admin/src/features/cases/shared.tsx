/**
 * Small pieces the case pages share: API types, status badges, labels of domain codes.
 */
import { type CaseStatus, caseStatusLabels } from '@netral/domain/workflow';
import { useI18n } from '@netral/ui/i18n';
import type { AppRouter } from '@netral/ui/trpc';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { m } from './messages';

export type Outputs = inferRouterOutputs<AppRouter>;
export type Inputs = inferRouterInputs<AppRouter>;
export type CaseDetail = Outputs['cases']['get'];
export type CaseListRow = Outputs['cases']['list']['rows'][number];
export type CaseEvent = CaseDetail['events'][number];
export type CreateCaseInput = Inputs['cases']['create'];

export interface CasesProps {
  regencyId: string;
  regencyName: string;
}

const statusTone: Record<CaseStatus, string> = {
  received: 'info',
  verifying: 'info',
  recommended: 'warn',
  ppk_examination: 'warn',
  blocked: 'danger',
  sanctioned: 'ok',
  sanction_executed: 'ok',
  not_proven: '',
  rejected: '',
  forwarded: '',
  cancelled: '',
  lapsed: '',
};

/** DITERIMA, VERIFIKASI…: the Indonesian state names, with the English gloss as a tooltip in English. */
export function StatusBadge({ status }: { status: CaseStatus }) {
  const { locale } = useI18n();
  const label = caseStatusLabels[status];
  return (
    <span className={`badge ${statusTone[status]}`} title={locale === 'en' ? label.en : undefined}>
      {label.id}
      {locale === 'en' && <span className="sr-only"> ({label.en})</span>}
    </span>
  );
}

export function OverdueBadge() {
  const { t } = useI18n();
  return <span className="badge danger">{t(m.overdue)}</span>;
}

/** Today in Indonesia (WIB), as `YYYY-MM-DD`: the default date of a new case or step. */
export function todayWib(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Jakarta' }).format(new Date());
}
