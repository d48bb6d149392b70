/**
 * What a form shows when the server refused a save with CONFLICT (someone changed the record
 * since it was read): the fields where the stored values and the user's differ, side by side,
 * and the two ways on — save the user's values over the new version, or take the stored ones.
 *
 * @example
 * <ConflictNotice
 *   rows={[{ label: 'Nama', current: latest.name, mine: form.name }]}
 *   onReapply={() => save({ ...form, version: latest.version })}
 *   onDiscard={() => setForm(fromRecord(latest))}
 * />
 */
import type { ReactNode } from 'react';
import { type Messages, useI18n } from './i18n';

const m = {
  title: {
    id: 'Data ini telah diubah oleh pengguna lain sejak Anda membukanya.',
    en: 'Someone else changed this record since you opened it.',
  },
  lead: {
    id: 'Bandingkan nilai yang tersimpan sekarang dengan isian Anda, lalu pilih salah satu.',
    en: 'Compare the values stored now with yours, then choose one.',
  },
  caption: { id: 'Nilai tersimpan dan nilai Anda', en: 'Stored values and yours' },
  field: { id: 'Isian', en: 'Field' },
  current: { id: 'Tersimpan sekarang', en: 'Stored now' },
  mine: { id: 'Isian Anda', en: 'Yours' },
  same: { id: 'Tidak ada isian yang berbeda.', en: 'No field differs.' },
  reapply: { id: 'Simpan isian saya', en: 'Save my values' },
  discard: { id: 'Pakai nilai tersimpan', en: 'Use the stored values' },
} satisfies Messages;

export interface ConflictRow {
  label: string;
  current: ReactNode;
  mine: ReactNode;
  /** Whether the two differ; by default compared as text. */
  differs?: boolean;
}

export function ConflictNotice({
  rows,
  onReapply,
  onDiscard,
  busy,
}: {
  rows: ConflictRow[];
  onReapply: () => void;
  onDiscard: () => void;
  busy?: boolean;
}) {
  const { t } = useI18n();
  const changed = rows.filter((r) => r.differs ?? String(r.current) !== String(r.mine));
  return (
    <div className="alert alert-warn conflict" role="alert">
      <p className="m0">
        <strong>{t(m.title)}</strong> {t(m.lead)}
      </p>
      {changed.length === 0 ? (
        <p className="m0">{t(m.same)}</p>
      ) : (
        <table className="conflict-table">
          <caption className="sr-only">{t(m.caption)}</caption>
          <thead>
            <tr>
              <th scope="col">{t(m.field)}</th>
              <th scope="col">{t(m.current)}</th>
              <th scope="col">{t(m.mine)}</th>
            </tr>
          </thead>
          <tbody>
            {changed.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td>{r.current}</td>
                <td>{r.mine}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={onReapply} disabled={busy}>
          {t(m.reapply)}
        </button>
        <button type="button" onClick={onDiscard} disabled={busy}>
          {t(m.discard)}
        </button>
      </div>
    </div>
  );
}
