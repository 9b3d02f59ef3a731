// A page with a title, a row count, a text filter and the table of matching records
// (accounts, contacts). The caller owns the filter text and the query it feeds.
import { useTranslation } from 'react-i18next';
import { TextField } from './Field';
import type { Column } from './Table';
import { Table } from './Table';

type Props<T extends { id: string }> = {
  titleId: string;
  title: string;
  filterLabel: string;
  listLabel: string;
  emptyText: string;
  text: string;
  onTextChange: (text: string) => void;
  rows: readonly T[] | undefined;
  columns: Column<T>[];
  onOpen: (row: T) => void;
};

export const FilterListScreen = <T extends { id: string }>({
  titleId,
  title,
  filterLabel,
  listLabel,
  emptyText,
  text,
  onTextChange,
  rows,
  columns,
  onOpen,
}: Props<T>) => {
  const { t } = useTranslation();
  return (
    <section className="page" aria-labelledby={titleId}>
      <div className="page-head">
        <h1 id={titleId}>{title}</h1>
        <span className="hint" role="status">
          {rows ? t('common.rowCount', { count: rows.length }) : t('app.loading')}
        </span>
      </div>
      <div className="toolbar" role="search">
        <TextField
          label={filterLabel}
          type="search"
          value={text}
          onChange={(e) => onTextChange(e.target.value)}
        />
      </div>
      <Table
        label={listLabel}
        columns={columns}
        rows={rows ?? []}
        rowKey={(r) => r.id}
        onOpen={onOpen}
        emptyText={rows ? emptyText : t('app.loading')}
      />
    </section>
  );
};
