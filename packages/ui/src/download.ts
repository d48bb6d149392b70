/**
 * Exports for people who continue in a spreadsheet: CSV (UTF-8 with BOM, so Excel shows
 * Indonesian text right) and XLSX. Every export starts with what it contains: its filters and
 * the time of the data.
 */
import Papa from 'papaparse';

export interface ExportColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null;
}

/** Lines that say what the file holds: `[['Filter', 'status=received'], ['Data per', '…']]`. */
export type ExportMeta = [string, string][];

/** The CSV text: metadata lines, a blank line, then the header row and the rows. */
export function toCsv<Row>(rows: Row[], columns: ExportColumn<Row>[], meta: ExportMeta = []): string {
  const body = Papa.unparse({
    fields: columns.map((c) => c.header),
    data: rows.map((row) => columns.map((c) => c.value(row) ?? '')),
  });
  const head = meta.length > 0 ? `${Papa.unparse(meta)}\r\n\r\n` : '';
  return `${head}${body}\r\n`;
}

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadCsv<Row>(filename: string, rows: Row[], columns: ExportColumn<Row>[], meta?: ExportMeta): void {
  downloadBlob(new Blob([`\uFEFF${toCsv(rows, columns, meta)}`], { type: 'text/csv;charset=utf-8' }), filename);
}

/** XLSX with the metadata on a second sheet; the writer is loaded only when used. */
export async function downloadXlsx<Row>(
  filename: string,
  rows: Row[],
  columns: ExportColumn<Row>[],
  meta: ExportMeta = [],
): Promise<void> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const data = [
    columns.map((c) => ({ value: c.header, fontWeight: 'bold' as const })),
    ...rows.map((row) => columns.map((c) => c.value(row))),
  ];
  const sheets = [{ data, sheet: 'Data' }];
  if (meta.length > 0) sheets.push({ data: meta, sheet: 'Info' });
  downloadBlob(await writeXlsxFile(sheets).toBlob(), filename);
}
