// A virtualized list of numbered documents (quotes, orders, invoices) with their customer,
// owner, date and total, filtered by words, state and owner; invoices also by overdue.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/use-format';
import { Badge } from '../../../ui/Badge';
import { CheckboxField, SelectField, TextField } from '../../../ui/Field';
import type { Column } from '../../../ui/Table';
import { Table } from '../../../ui/Table';
import type { DocumentListFilters, DocumentListRow, ListedDocument } from '../list-filters';
import { noDocumentFilters } from '../list-filters';
import { useDocumentRows } from '../queries';

type Props<T extends ListedDocument> = {
  kind: 'quote' | 'order' | 'invoice';
  label: string;
  docs: readonly T[] | undefined;
  emptyText: string;
  dateHeader: string;
  states: readonly T['state'][];
  stateLabel: (state: T['state']) => string;
  statusLabel: (doc: T) => string;
  number?: (doc: T) => string;
  onOpen: (id: string) => void;
};

export const DocumentList = <T extends ListedDocument>({
  kind,
  label,
  docs,
  emptyText,
  dateHeader,
  states,
  stateLabel,
  statusLabel,
  number = (d) => d.number,
  onOpen,
}: Props<T>) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [filters, setFilters] = useState<DocumentListFilters>(noDocumentFilters);
  const rows = useDocumentRows(docs, filters);
  const set = (patch: Partial<DocumentListFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const columns: Column<DocumentListRow<T>>[] = [
    { id: 'number', header: t('common.number'), width: '160px', render: (r) => number(r.doc) },
    { id: 'name', header: t('common.name'), width: '2fr', render: (r) => r.doc.name },
    { id: 'account', header: t('common.account'), width: '2fr', render: (r) => r.accountName },
    { id: 'owner', header: t('common.owner'), width: '1.2fr', render: (r) => r.ownerName },
    { id: 'status', header: t('common.status'), width: '1fr', render: (r) => statusLabel(r.doc) },
    { id: 'date', header: dateHeader, width: '110px', render: (r) => fmt.date(r.date) },
    ...(kind === 'invoice'
      ? [
          {
            id: 'due',
            header: t('invoice.dueDate'),
            width: '150px',
            render: (r: DocumentListRow<T>) => (
              <>
                {fmt.date(r.dueDate)}{' '}
                {r.overdue ? <Badge tone="danger">{t('documents.overdue')}</Badge> : null}
              </>
            ),
          },
        ]
      : []),
    {
      id: 'total',
      header: t('common.total'),
      width: '1fr',
      align: 'end',
      render: (r) => fmt.money(r.doc.totals.grandTotal, r.doc.currency),
    },
  ];
  return (
    <>
      <div className="toolbar" role="search" aria-label={t('common.filters')}>
        <TextField
          label={t('documents.filterText')}
          type="search"
          value={filters.text}
          onChange={(e) => set({ text: e.target.value })}
        />
        <SelectField
          label={t('common.state')}
          value={filters.state}
          onChange={(e) => set({ state: e.target.value })}
          options={[
            { value: 'all', label: t('common.all') },
            ...states.map((s) => ({ value: s, label: stateLabel(s) })),
          ]}
        />
        <SelectField
          label={t('common.owner')}
          value={filters.owner}
          onChange={(e) => set({ owner: e.target.value })}
          options={[
            { value: 'all', label: t('common.all') },
            { value: 'mine', label: t('documents.mine') },
          ]}
        />
        {kind === 'invoice' ? (
          <CheckboxField
            label={t('documents.overdueOnly')}
            checked={filters.overdueOnly}
            onChange={(e) => set({ overdueOnly: e.target.checked })}
          />
        ) : null}
        <span className="hint" role="status">
          {rows ? t('common.rowCount', { count: rows.length }) : t('app.loading')}
        </span>
      </div>
      <Table
        label={label}
        columns={columns}
        rows={rows ?? []}
        rowKey={(r) => r.doc.id}
        onOpen={(r) => onOpen(r.doc.id)}
        emptyText={rows ? emptyText : t('app.loading')}
      />
    </>
  );
};
