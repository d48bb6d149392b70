/**
 * Reading a spreadsheet in the browser into rows of cell texts, as `cases.importPreview` takes
 * them: CSV with papaparse (any delimiter Excel writes: comma, semicolon, tab), XLSX with
 * read-excel-file (loaded only when an XLSX is chosen). Dates become `YYYY-MM-DD`; numbers too
 * long to be exact (an NIP typed into a number cell) stay in exponent form, so the server can say
 * what went wrong instead of importing wrong digits.
 */
import Papa from 'papaparse';

export type SheetRows = string[][];

/** One cell as text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // read-excel-file gives dates at UTC midnight.
    return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  }
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) || !Number.isInteger(value) ? String(value) : value.toExponential();
  }
  if (typeof value === 'boolean') return value ? 'ya' : 'tidak';
  return String(value);
}

/** CSV text (a UTF-8 BOM is dropped) as rows; the delimiter is detected. */
export function parseCsv(text: string): SheetRows {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  return result.data.map((row) => row.map(cellText));
}

/** Drops empty rows at the end and empty cells at the end of each row (the JSON sent stays small). */
export function trimSheet(rows: SheetRows): SheetRows {
  const trimmed = rows.map((row) => {
    let end = row.length;
    while (end > 0 && (row[end - 1] ?? '').trim() === '') end -= 1;
    return row.slice(0, end);
  });
  let last = trimmed.length;
  while (last > 0 && (trimmed[last - 1]?.length ?? 0) === 0) last -= 1;
  return trimmed.slice(0, last);
}

export class UnsupportedFileError extends Error {
  override name = 'UnsupportedFileError';
}

export async function readSheetFile(file: File): Promise<SheetRows> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) {
    const { readSheet } = await import('read-excel-file/browser');
    const rows = await readSheet(file);
    return trimSheet(rows.map((row) => row.map(cellText)));
  }
  if (name.endsWith('.csv') || name.endsWith('.txt') || file.type === 'text/csv') {
    return trimSheet(parseCsv(await file.text()));
  }
  throw new UnsupportedFileError(file.name);
}
