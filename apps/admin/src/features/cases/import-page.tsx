/**
 * Import of cases from a CSV or XLSX sheet: read in the browser, judged row by row by the server
 * (`cases.importPreview`, the same rules as a single case), then the ready rows imported in one
 * transaction (`cases.import`): all of them or, if any fails, none.
 */
import { downloadCsv } from '@netral/ui/download';
import { useI18n } from '@netral/ui/i18n';
import { PageHeader } from '@netral/ui/layout';
import { ErrorState, Loading } from '@netral/ui/states';
import { errorMessage, fieldErrors, useTRPC } from '@netral/ui/trpc';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useId, useState } from 'react';
import { Link } from 'wouter';
import { m } from './messages';
import type { CasesProps, Outputs } from './shared';
import { readSheetFile, type SheetRows, UnsupportedFileError } from './sheet';

type Preview = Outputs['cases']['importPreview'];

/** Stays under the server's 1 MB body with room for the JSON around it. */
const MAX_SHEET_JSON = 950_000;

export function CaseImportPage({ regencyId, regencyName }: CasesProps) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const columns = useQuery({ ...trpc.cases.importColumns.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const [file, setFile] = useState<{ name: string; sheet: SheetRows } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const [importErrors, setImportErrors] = useState<Record<string, string[]>>({});
  const ids = { file: useId(), columns: useId(), preview: useId() };
  const previewMutation = useMutation(trpc.cases.importPreview.mutationOptions());
  const importMutation = useMutation(trpc.cases.import.mutationOptions());

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    setPreview(null);
    setProblem(null);
    setDone(null);
    setImportErrors({});
    setFile(null);
    if (!chosen) return;
    setReading(true);
    try {
      const sheet = await readSheetFile(chosen);
      if (JSON.stringify(sheet).length > MAX_SHEET_JSON) {
        setProblem(t(m.fileTooBigForImport));
        return;
      }
      setFile({ name: chosen.name, sheet });
      setPreview(await previewMutation.mutateAsync({ regencyId, sheet, fileName: chosen.name }));
    } catch (error) {
      if (error instanceof UnsupportedFileError) setProblem(t(m.unsupportedFile));
      else {
        const fields = fieldErrors(error);
        const sheetProblem = fields.sheet?.join(' ');
        setProblem(
          sheetProblem ??
            (error instanceof Error && !('data' in error)
              ? t(m.fileUnreadable, { error: error.message })
              : errorMessage(error, locale)),
        );
      }
    } finally {
      setReading(false);
    }
  };

  const validRows = preview?.rows.filter((r) => r.ok).map((r) => r.row) ?? [];
  const runImport = async () => {
    if (!file || validRows.length === 0) return;
    setProblem(null);
    setImportErrors({});
    try {
      const result = await importMutation.mutateAsync({
        regencyId,
        sheet: file.sheet,
        fileName: file.name,
        rows: validRows,
      });
      setDone(result.imported);
      setPreview(null);
      setFile(null);
      await queryClient.invalidateQueries(trpc.cases.list.pathFilter());
    } catch (error) {
      setImportErrors(fieldErrors(error));
      setProblem(`${t(m.importFailed)} ${errorMessage(error, locale)}`);
    }
  };

  const template = () =>
    downloadCsv(
      'templat-impor-kasus.csv',
      [] as never[],
      (columns.data ?? []).map((c) => ({ header: c.header, value: () => null })),
    );

  return (
    <>
      <PageHeader title={t(m.importTitle)} actions={<Link href="/">{t(m.backToList)}</Link>}>
        <p className="muted">{regencyName}</p>
      </PageHeader>
      <section className="card">
        <p>{t(m.importLead)}</p>
        <p className="muted">{t(m.allOrNothing)}</p>
        <details>
          <summary id={ids.columns}>{t(m.importColumns)}</summary>
          {columns.isPending ? (
            <Loading />
          ) : columns.isError ? (
            <ErrorState error={columns.error} retry={() => columns.refetch()} />
          ) : (
            <ul aria-labelledby={ids.columns}>
              {columns.data.map((c) => (
                <li key={c.key}>
                  <strong>{c.header}</strong>
                  {c.required && <span className="badge warn">{t(m.requiredColumn)}</span>} — {t(c.hint)}
                </li>
              ))}
            </ul>
          )}
        </details>
        <div className="actions">
          <button type="button" onClick={template} disabled={!columns.data}>
            {t(m.downloadTemplate)}
          </button>
        </div>
        <div className="field">
          <label htmlFor={ids.file}>{t(m.importFile)}</label>
          <input
            id={ids.file}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={onFile}
          />
        </div>
        <div aria-live="polite">{reading && <Loading label={t(m.reading)} />}</div>
        {problem && (
          <div className="alert alert-error" role="alert">
            <p>{problem}</p>
            {Object.keys(importErrors).length > 0 && (
              <ul>
                {Object.entries(importErrors).map(([key, messages]) => (
                  <li key={key}>
                    {t(m.colRow)} {key.replace(/^rows\./, '')}: {messages.join('; ')}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {done !== null && (
          <div className="alert alert-ok" role="status">
            {t(m.imported, { n: done })} <Link href="/">{t(m.viewImported)}</Link>
          </div>
        )}
      </section>

      {preview && file && (
        <section className="card" aria-labelledby={ids.preview}>
          <h2 id={ids.preview}>{t(m.previewCaption)}</h2>
          <p role="status">
            {t(m.previewSummary, {
              file: file.name,
              header: preview.headerRow,
              valid: preview.valid,
              invalid: preview.invalid,
            })}
          </p>
          {preview.columns.some((c) => c.recognized === null && c.header.trim() !== '') && (
            <p className="muted">
              {t(m.ignoredColumns, {
                columns: preview.columns
                  .filter((c) => c.recognized === null && c.header.trim() !== '')
                  .map((c) => c.header)
                  .join(', '),
              })}
            </p>
          )}
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={runImport}
              disabled={validRows.length === 0 || importMutation.isPending}
            >
              {importMutation.isPending ? t(m.importing) : t(m.importValid, { n: validRows.length })}
            </button>
          </div>
          <div className="table-wrap">
            <table>
              <caption className="sr-only">{t(m.previewCaption)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(m.colRow)}</th>
                  <th scope="col">{t(m.colSubject)}</th>
                  <th scope="col">{t(m.colActOn)}</th>
                  <th scope="col">{t(m.colUnit)}</th>
                  <th scope="col">{t(m.colPhase)}</th>
                  <th scope="col">{t(m.colCodes)}</th>
                  <th scope="col">{t(m.colCheck)}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.row} className={r.ok ? undefined : 'row-bad'}>
                    <td className="num">{r.row}</td>
                    <td>{r.subjectName || '—'}</td>
                    <td>{r.actOn ?? '—'}</td>
                    <td>{r.unitName ?? '—'}</td>
                    <td>{r.phase ?? '—'}</td>
                    <td>{r.codes.join(', ') || '—'}</td>
                    <td>
                      {r.ok ? (
                        <span className="badge ok">{t(m.rowOk)}</span>
                      ) : (
                        <span className="badge danger">{t(m.rowBad)}</span>
                      )}
                      {r.errors.length > 0 && (
                        <ul className="row-errors">
                          {r.errors.map((e) => (
                            <li key={`${e.column}:${e.message}`}>
                              {e.column && <strong>{e.column}: </strong>}
                              {e.message}
                            </li>
                          ))}
                        </ul>
                      )}
                      {r.warnings.length > 0 && (
                        <ul className="row-warnings">
                          {r.warnings.map((w) => (
                            <li key={w}>{w}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
