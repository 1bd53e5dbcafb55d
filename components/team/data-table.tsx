import { Download } from 'lucide-react';
import type { ReactNode } from 'react';
import { toCsv, type CsvCell } from '../../lib/domain/csv';
import type { FigurePath, TeamRange } from '../../lib/domain/team-kpis';
import { useI18n } from '../i18n/i18n-context';
import { Icon } from '../ui/icon';
import { FigureButton } from './drill';

/** One cell: the value for the CSV, its text on screen, and, for a count, the people behind it. */
export type Cell = { value: CsvCell; text?: string; drill?: { path: FigurePath; range?: TeamRange; label: string } };
export type Column<Row> = { header: string; cell: (row: Row) => Cell; numeric?: boolean };

/**
 * The table beside every chart (the chart's numbers for screen readers and for copying), with every count a
 * drill-down button and a CSV download of exactly these rows.
 */
export function DataTable<Row>({ caption, columns, rows, file, rowKey }: { caption: string; columns: Column<Row>[]; rows: Row[]; file: string; rowKey: (row: Row) => string }) {
  const { t } = useI18n();
  const cells = rows.map((row) => columns.map((c) => c.cell(row)));
  const download = () => {
    const csv = toCsv(columns.map((c) => c.header), cells.map((r) => r.map((c) => c.value)));
    // A BOM so spreadsheet apps read the Japanese text as UTF-8.
    const url = URL.createObjectURL(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${file}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <div className="team-table">
      <div className="team-table-scroll">
        <table className="simple">
          <caption className="small">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.header} scope="col" className={c.numeric ? 'num' : undefined}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="muted">
                  {t('teamPage.noRows')}
                </td>
              </tr>
            ) : (
              cells.map((r, i) => (
                <tr key={rowKey(rows[i]!)}>
                  {r.map((cell, k) => {
                    const text: ReactNode = cell.text ?? (cell.value === null ? '–' : String(cell.value));
                    const Tag = k === 0 ? 'th' : 'td';
                    return (
                      <Tag key={columns[k]!.header} scope={k === 0 ? 'row' : undefined} className={columns[k]!.numeric ? 'num' : undefined}>
                        {cell.drill ? (
                          <FigureButton path={cell.drill.path} range={cell.drill.range} label={cell.drill.label} empty={cell.value === 0 || cell.value === null}>
                            {text}
                          </FigureButton>
                        ) : (
                          text
                        )}
                      </Tag>
                    );
                  })}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <button type="button" className="link small no-print" onClick={download}>
        <Icon icon={Download} /> {t('teamPage.csv', { table: caption })}
      </button>
    </div>
  );
}
