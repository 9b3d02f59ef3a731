// A quote: header and lines editable while draft, live totals, and its lifecycle actions
// (Activate, Revise, Close, Create order; Delete for a draft, as the deletion table says).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../../shared/domain/records';
import { canRun } from '../../../../shared/domain/lifecycle-moves';
import { navigate } from '../../../app/router';
import { useAction } from '../../../app/use-action';
import { useMayDelete } from '../../../app/use-may-delete';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { ConfirmDeleteDialog } from '../../../ui/ConfirmDeleteDialog';
import { Notice } from '../../../ui/Notice';
import { OpportunityLink } from '../../documents/components/RecordLinks';
import { CustomerPanel } from '../../documents/components/CustomerPanel';
import { DocumentPrint } from '../../documents/components/DocumentPrint';
import { LinesEditor } from '../../lines/components/LinesEditor';
import { Timeline } from '../../timeline/components/Timeline';
import { useQuoteCommands } from '../commands';
import { useQuote } from '../queries';
import { CloseQuoteDialog, CreateOrderDialog } from './QuoteDialogs';
import { QuoteHeaderForm } from './QuoteHeaderForm';
import { documentStateLabel } from '../../documents/state-label';

const tone: Record<Quote['state'], string> = {
  draft: 'warn',
  active: 'info',
  won: 'ok',
  closed: 'neutral',
};

export const QuoteDetail = ({ id }: { id: string }) => {
  const { t } = useTranslation();
  const quote = useQuote(id);
  if (quote === undefined) return <p>{t('app.loading')}</p>;
  if (quote === null) return <Notice kind="info">{t('app.notFound')}</Notice>;
  return <QuoteView quote={quote} />;
};

const QuoteView = ({ quote: q }: { quote: Quote }) => {
  const { t } = useTranslation();
  const commands = useQuoteCommands();
  const action = useAction();
  const [dialog, setDialog] = useState<'close' | 'order' | 'delete' | null>(null);
  const deletable = useMayDelete('quote', q);
  const draft = q.state === 'draft';
  const remove = async () => {
    if ((await action.run(() => commands.remove(q.id))) !== undefined) navigate('quotes');
  };
  const revise = async () => {
    const next = await action.run(() => commands.revise(q.id));
    if (next) navigate('quotes', next.id);
  };
  return (
    <section className="page" aria-labelledby="quote-title">
      <div className="page-head">
        <h1 id="quote-title">
          {t('quote.detail', { number: q.number })}{' '}
          <span className="hint">
            {t('quote.revision')} {q.revisionNumber}
          </span>
        </h1>
        <Badge tone={tone[q.state]}>{documentStateLabel(t, 'quote', q)}</Badge>
        {q.opportunityId ? <OpportunityLink id={q.opportunityId} /> : null}
        {canRun('quote', 'activateQuote', q) ? (
          <Button variant="primary" onClick={() => void action.run(() => commands.activate(q.id))}>
            {t('quote.activate')}
          </Button>
        ) : null}
        {canRun('quote', 'createOrderFromQuote', q) ? (
          <Button variant="primary" onClick={() => setDialog('order')}>
            {t('quote.createOrder')}
          </Button>
        ) : null}
        {canRun('quote', 'reviseQuote', q) ? (
          <Button onClick={() => void revise()}>{t('quote.revise')}</Button>
        ) : null}
        {canRun('quote', 'closeQuote', q) ? (
          <Button variant="danger" onClick={() => setDialog('close')}>
            {t('quote.closeQuote')}
          </Button>
        ) : null}
        {deletable ? (
          <Button variant="danger" onClick={() => setDialog('delete')}>
            {t('common.delete')}
          </Button>
        ) : null}
      </div>
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      {draft ? null : <p className="hint">{t('quote.readOnly')}</p>}
      <div className="columns">
        <div className="page">
          <CustomerPanel accountId={q.accountId} />
          <QuoteHeaderForm quote={q} />
          <div className="panel">
            <LinesEditor
              lines={q.lines}
              currency={q.currency}
              priceListId={q.priceListId}
              readOnly={!draft}
              onEdit={(edit) => commands.editLines(q.id, edit)}
            />
          </div>
          <DocumentPrint source={{ kind: 'quote', doc: q }} />
        </div>
        <Timeline regardingType="quote" regardingId={q.id} />
      </div>
      {dialog === 'close' ? <CloseQuoteDialog quote={q} onClose={() => setDialog(null)} /> : null}
      {dialog === 'delete' ? (
        <ConfirmDeleteDialog
          title={t('quote.deleteTitle')}
          text={t('quote.deleteConfirm')}
          error={action.error}
          busy={action.busy}
          onConfirm={() => void remove()}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'order' ? (
        <CreateOrderDialog
          quote={q}
          onClose={() => setDialog(null)}
          onCreated={(orderId) => navigate('orders', orderId)}
        />
      ) : null}
    </section>
  );
};
