/**
 * A circular's provisions as a read-only tree: path (indented by depth), kind, confirmed codes
 * with their wording, and text.
 */
import { provisionKindLabels } from '@netral/domain/model';
import { useI18n } from '@netral/ui/i18n';
import { m } from './messages';
import { CodeChips, type Taxonomy } from './taxonomy';
import type { ProvisionRecord } from './types';

export function depthOf(path: string): number {
  return path.split('.').length - 1;
}

export function ProvisionTree({ provisions, taxonomy }: { provisions: ProvisionRecord[]; taxonomy: Taxonomy }) {
  const { t } = useI18n();
  if (provisions.length === 0) return <p className="muted">{t(m.noProvisions)}</p>;
  // A lead-in ("dilarang:") carries no code of its own; its items do.
  const parents = new Set(provisions.map((p) => p.parentPath));
  return (
    <div className="table-wrap">
      <table className="provision-table">
        <caption className="sr-only">{t(m.provisionTree)}</caption>
        <thead>
          <tr>
            <th scope="col">{t(m.path)}</th>
            <th scope="col">{t(m.kind)}</th>
            <th scope="col">{t(m.codes)}</th>
            <th scope="col">{t(m.text)}</th>
          </tr>
        </thead>
        <tbody>
          {provisions.map((p) => (
            <tr key={p.path} data-path={p.path}>
              <th scope="row" className="mono path-cell" style={{ paddingLeft: `${0.6 + depthOf(p.path) * 0.9}rem` }}>
                {p.path}
              </th>
              <td>
                <span className={p.kind === 'prohibition' ? 'badge danger' : 'badge'}>
                  {t(provisionKindLabels[p.kind])}
                </span>
              </td>
              <td>
                <CodeChips
                  codes={p.codes}
                  taxonomy={taxonomy}
                  empty={p.kind === 'prohibition' && !parents.has(p.path) ? t(m.noCodes) : undefined}
                />
              </td>
              <td className="provision-text">{p.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
