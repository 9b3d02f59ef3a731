// A quote: header and lines editable while draft, live totals, and its lifecycle actions
// (Activate, Revise, Close, Create order).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../../shared/domain/records';
import { navigate, routeHref } from '../../../app/router';
import { useAction } from '../../../app/use-action';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { Notice } from '../../../ui/Notice';
import { CustomerPanel } from '../../documents/components/CustomerPanel';
import { DocumentPrint } from '../../documents/components/DocumentPrint';
import { LinesEditor } from '../../lines/components/LinesEditor';
import { Timeline } from '../../timeline/components/Timeline';
import { useQuoteCommands } from '../commands';
import { useQuote } from '../queries';
import { CloseQuoteDialog, CreateOrderDialog } from './QuoteDialogs';
import { QuoteHeaderForm } from './QuoteHeaderForm';

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
  const [dialog, setDialog] = useState<'close' | 'order' | null>(null);
  const draft = q.state === 'draft';
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
        <Badge tone={tone[q.state]}>{t(`quote.statuses.${q.status}`)}</Badge>
        {q.opportunityId ? (
          <a href={routeHref('opportunities', q.opportunityId)}>{t('common.opportunity')}</a>
        ) : null}
        {draft ? (
          <Button variant="primary" onClick={() => void action.run(() => commands.activate(q.id))}>
            {t('quote.activate')}
          </Button>
        ) : null}
        {q.state === 'active' ? (
          <>
            <Button variant="primary" onClick={() => setDialog('order')}>
              {t('quote.createOrder')}
            </Button>
            <Button onClick={() => void revise()}>{t('quote.revise')}</Button>
          </>
        ) : null}
        {draft || q.state === 'active' ? (
          <Button variant="danger" onClick={() => setDialog('close')}>
            {t('quote.closeQuote')}
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
