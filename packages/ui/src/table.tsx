/**
 * A data table for server-side lists: sortable headers announced to screen readers (`aria-sort`),
 * a caption, and page controls. Sorting and paging are the caller's (URL) state.
 */
import type { ReactNode } from 'react';
import { common, useI18n } from './i18n';

export interface Column<Row> {
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** The server's sort key for this column; absent for unsortable columns. */
  sort?: string;
  align?: 'start' | 'end';
}

export interface Sort {
  by: string;
  dir: 'asc' | 'desc';
}

export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  sort,
  onSort,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  sort?: Sort;
  onSort?: (sort: Sort) => void;
}) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const active = sort && column.sort === sort.by;
              const ariaSort = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined;
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={ariaSort}
                  className={column.align === 'end' ? 'num' : undefined}
                >
                  {column.sort && onSort ? (
                    <button
                      type="button"
                      className="sort"
                      onClick={() =>
                        onSort({
                          by: column.sort as string,
                          dir: active && sort.dir === 'desc' ? 'asc' : 'desc',
                        })
                      }
                    >
                      {column.header}
                      <span aria-hidden="true">{active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.key} className={column.align === 'end' ? 'num' : undefined}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Previous/next controls with "1–50 of 1.234". */
export function Pagination({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  /** Total rows, when the server counted them. */
  total?: number | undefined;
  onPage: (page: number) => void;
}) {
  const { t, locale } = useI18n();
  const from = (page - 1) * pageSize + 1;
  const to = total === undefined ? page * pageSize : Math.min(total, page * pageSize);
  const fmt = new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB');
  const last = total === undefined ? undefined : Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pagination" aria-label={t(common.page, { page })}>
      <button type="button" onClick={() => onPage(page - 1)} disabled={page <= 1}>
        {t(common.previous)}
      </button>
      <span aria-live="polite">
        {total === undefined
          ? t(common.page, { page })
          : total === 0
            ? t(common.empty)
            : t(common.rowsOf, { from: fmt.format(from), to: fmt.format(to), total: fmt.format(total) })}
      </span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={last !== undefined && page >= last}>
        {t(common.next)}
      </button>
    </nav>
  );
}
