import { type CircularStatus, circularStatusLabels } from '@netral/domain/model';
import { useI18n } from '@netral/ui/i18n';

const tone: Record<CircularStatus, string> = {
  draft: 'badge warn',
  published: 'badge ok',
  revoked: 'badge danger',
  superseded: 'badge',
};

/** KONSEP / BERLAKU / DICABUT / DIGANTI. */
export function StatusBadge({ status }: { status: CircularStatus }) {
  const { t } = useI18n();
  return <span className={tone[status]}>{t(circularStatusLabels[status])}</span>;
}
