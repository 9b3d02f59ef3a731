// A virtualized list of numbered documents (quotes, orders, invoices).
import { useTranslation } from 'react-i18next';
import type { Totals } from '../../../../shared/domain/records';
import { useFormat } from '../../../i18n/use-format';
import type { Column } from '../../../ui/Table';
import { Table } from '../../../ui/Table';

export type DocumentRow = {
  id: string;
  number: string;
  name: string;
  state: string;
  statusLabel: string;
  date: string | null;
  currency: string;
  totals: Totals;
};

type Props = {
  label: string;
  rows: readonly DocumentRow[] | undefined;
  emptyText: string;
  dateHeader: string;
  onOpen: (id: string) => void;
};

export const DocumentList = ({ label, rows, emptyText, dateHeader, onOpen }: Props) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const columns: Column<DocumentRow>[] = [
    { id: 'number', header: t('common.number'), width: '170px', render: (d) => d.number },
    { id: 'name', header: t('common.name'), width: '3fr', render: (d) => d.name },
    { id: 'status', header: t('common.status'), width: '1fr', render: (d) => d.statusLabel },
    { id: 'date', header: dateHeader, width: '1fr', render: (d) => fmt.date(d.date) },
    {
      id: 'total',
      header: t('common.total'),
      width: '1fr',
      align: 'end',
      render: (d) => fmt.money(d.totals.grandTotal, d.currency),
    },
  ];
  return (
    <Table
      label={label}
      columns={columns}
      rows={rows ?? []}
      rowKey={(d) => d.id}
      onOpen={(d) => onOpen(d.id)}
      emptyText={rows ? emptyText : t('app.loading')}
    />
  );
};
