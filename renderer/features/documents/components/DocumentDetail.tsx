// The page of a read-only sales document (order, invoice): heading with status and actions,
// its customer, fields, lines and totals, its PDF, the timeline, and the confirmation before
// canceling it.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Line, Totals } from '../../../../shared/domain/records';
import { Badge } from '../../../ui/Badge';
import { Dialog } from '../../../ui/Dialog';
import { Notice } from '../../../ui/Notice';
import { LinesEditor } from '../../lines/components/LinesEditor';
import { Timeline } from '../../timeline/components/Timeline';
import type { PrintSource } from '../queries';
import { CustomerPanel } from './CustomerPanel';
import { DocumentPrint } from './DocumentPrint';
import { TotalsTable } from './TotalsTable';

/** Loading and not-found states of a document read by id; `children` shows a found one. */
export const DocumentLoader = <T,>({
  doc,
  children,
}: {
  doc: T | null | undefined;
  children: (doc: T) => ReactNode;
}) => {
  const { t } = useTranslation();
  if (doc === undefined) return <p>{t('app.loading')}</p>;
  if (doc === null) return <Notice kind="info">{t('app.notFound')}</Notice>;
  return <>{children(doc)}</>;
};

type CancelDialog = {
  title: string;
  confirm: string;
  submitLabel: string;
  onClose: () => void;
  onSubmit: () => void;
};

type Props = {
  regardingType: 'order' | 'invoice';
  doc: {
    id: string;
    accountId: string | null;
    lines: readonly Line[];
    currency: string;
    priceListId: string | null;
    totals: Totals;
  };
  title: string;
  tone: string;
  statusLabel: string;
  /** Buttons next to the heading. */
  actions: ReactNode;
  error: string | null;
  /** ReadFields of the document's header. */
  fields: ReactNode;
  /** Shown while the user confirms canceling the document. */
  cancelDialog: CancelDialog | null;
  /** A panel below the header fields (an invoice's payments and credit notes). */
  aside?: ReactNode;
  /** The document as its PDF prints it. */
  printSource: PrintSource;
  /** Files saved next to the PDF (an invoice's e-invoice XML). */
  printExtras?: ReactNode;
};

const noEdit = () => Promise.resolve({ ok: true as const, value: undefined });

export const DocumentDetail = ({
  regardingType,
  doc,
  title,
  tone,
  statusLabel,
  actions,
  error,
  fields,
  cancelDialog,
  aside,
  printSource,
  printExtras,
}: Props) => {
  const { t } = useTranslation();
  const titleId = `${regardingType}-title`;
  return (
    <section className="page" aria-labelledby={titleId}>
      <div className="page-head">
        <h1 id={titleId}>{title}</h1>
        <Badge tone={tone}>{statusLabel}</Badge>
        {actions}
      </div>
      {error ? <Notice kind="error">{error}</Notice> : null}
      <div className="columns">
        <div className="page">
          <CustomerPanel accountId={doc.accountId} />
          <div className="panel">
            <dl className="read-grid">{fields}</dl>
          </div>
          {aside}
          <div className="panel">
            <LinesEditor
              lines={doc.lines}
              currency={doc.currency}
              priceListId={doc.priceListId}
              readOnly
              onEdit={noEdit}
            />
            <TotalsTable totals={doc.totals} currency={doc.currency} />
          </div>
          <DocumentPrint source={printSource} extra={printExtras} />
        </div>
        <Timeline regardingType={regardingType} regardingId={doc.id} />
      </div>
      {cancelDialog ? (
        <Dialog
          title={cancelDialog.title}
          onClose={cancelDialog.onClose}
          onSubmit={cancelDialog.onSubmit}
          submitLabel={cancelDialog.submitLabel}
          submitVariant="danger"
          cancelLabel={t('common.close')}
        >
          <p>{cancelDialog.confirm}</p>
        </Dialog>
      ) : null}
    </section>
  );
};
