// One report of the dashboard: its chart, the same numbers as a table, and a CSV export of
// that table. The chart is drawn from the table's own figures, so the two never disagree.
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/Button';
import { Notice } from '../../../ui/Notice';
import type { ReportTable } from '../csv-export';
import { saveReportCsv } from '../csv-export';

/** A table cell: the text shown, and what the CSV holds when it differs (plain decimals). */
export type Cell = string | { shown: string; csv: string };

export type ReportRows = { columns: string[]; rows: Cell[][] };

const shown = (cell: Cell): string => (typeof cell === 'string' ? cell : cell.shown);
const csvOf = (cell: Cell): string => (typeof cell === 'string' ? cell : cell.csv);

export const csvTable = (table: ReportRows): ReportTable => ({
  columns: table.columns,
  rows: table.rows.map((row) => row.map(csvOf)),
});

export const ReportCard = ({
  id,
  title,
  chart,
  table,
  note,
}: {
  /** Names the CSV file and the section's anchor. */
  id: string;
  title: string;
  chart: ReactNode;
  table: ReportRows;
  note?: string;
}) => {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const exportCsv = async () => {
    setSaved(null);
    setError(null);
    const result = await saveReportCsv(id, csvTable(table));
    if (!result.ok) setError(result.error);
    else if (result.value !== null) setSaved(t('dashboard.saved', { name: result.value }));
  };
  return (
    <section className="report" aria-labelledby={`report-${id}`} data-report={id}>
      <header className="report-head">
        <h2 id={`report-${id}`}>{title}</h2>
        <Button onClick={() => void exportCsv()}>{t('dashboard.exportCsv')}</Button>
      </header>
      {note !== undefined && <p className="hint">{note}</p>}
      <div className="report-chart" aria-hidden="true">
        {chart}
      </div>
      <table className="report-table">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th key={c} scope="col" className={i === 0 ? '' : 'num'}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr>
              <td colSpan={table.columns.length}>{t('dashboard.empty')}</td>
            </tr>
          ) : (
            table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row">
                      {shown(cell)}
                    </th>
                  ) : (
                    <td key={i} className="num">
                      {shown(cell)}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
      {saved !== null && <Notice kind="success">{saved}</Notice>}
      {error !== null && <Notice kind="error">{error}</Notice>}
    </section>
  );
};
