// An opportunity: process bar, details, product lines, its quotes, and the timeline.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Opportunity } from '../../../../shared/domain/records';
import { canRun } from '../../../../shared/domain/lifecycle-moves';
import { navigate } from '../../../app/router';
import { useRecordAction } from '../../../app/use-action';
import { useFormat } from '../../../i18n/use-format';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { Notice } from '../../../ui/Notice';
import { LinesEditor } from '../../lines/components/LinesEditor';
import { RelatedDocuments } from '../../quotes/components/RelatedDocuments';
import { Timeline } from '../../timeline/components/Timeline';
import { ReassignPanel } from '../../team/components/ReassignPanel';
import { useQuoteCommands } from '../../quotes/commands';
import { useOpportunityCommands } from '../commands';
import { useOpportunity } from '../queries';
import { CloseLostDialog, CloseWonDialog } from './CloseDialogs';
import { OpportunityForm } from './OpportunityForm';
import { ProcessBar } from './ProcessBar';
import { documentStateLabel } from '../../documents/state-label';

export const stateTone: Record<Opportunity['state'], string> = {
  open: 'info',
  won: 'ok',
  lost: 'neutral',
};

export const OpportunityDetail = ({ id }: { id: string }) => {
  const { t } = useTranslation();
  const opportunity = useOpportunity(id);
  if (opportunity === undefined) return <p>{t('app.loading')}</p>;
  if (opportunity === null) return <Notice kind="info">{t('app.notFound')}</Notice>;
  return <OpportunityView opportunity={opportunity} />;
};

const OpportunityView = ({ opportunity: o }: { opportunity: Opportunity }) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const commands = useOpportunityCommands();
  const quoteCommands = useQuoteCommands();
  const action = useRecordAction(o.updatedAt);
  const [dialog, setDialog] = useState<'won' | 'lost' | null>(null);
  const open = o.state === 'open';
  const newQuote = async () => {
    const quote = await action.run(() => quoteCommands.createFromOpportunity(o.id));
    if (quote) navigate('quotes', quote.id);
  };
  return (
    <section className="page" aria-labelledby="opp-title">
      <div className="page-head">
        <h1 id="opp-title">{o.topic}</h1>
        <Badge tone={stateTone[o.state]}>{documentStateLabel(t, 'opportunity', o)}</Badge>
        {/* A won deal shows what it brought in, not what was estimated. */}
        {o.state === 'won' && o.actualRevenue !== null ? (
          <span aria-label={t('opportunity.actualRevenue')}>
            {fmt.money(o.actualRevenue, o.currency)}
          </span>
        ) : (
          <span aria-label={t('opportunity.estimatedRevenue')}>
            {fmt.money(o.estimatedRevenue, o.currency)}
          </span>
        )}
        {open ? <Button onClick={() => void newQuote()}>{t('opportunity.newQuote')}</Button> : null}
        {canRun('opportunity', 'closeOpportunityAsWon', o) ? (
          <Button variant="primary" onClick={() => setDialog('won')}>
            {t('opportunity.closeWon')}
          </Button>
        ) : null}
        {canRun('opportunity', 'closeOpportunityAsLost', o) ? (
          <Button variant="danger" onClick={() => setDialog('lost')}>
            {t('opportunity.closeLost')}
          </Button>
        ) : null}
        {canRun('opportunity', 'reopenOpportunity', o) ? (
          <Button onClick={() => void action.run(() => commands.reopen(o.id))}>
            {t('opportunity.reopen')}
          </Button>
        ) : null}
      </div>
      <ProcessBar
        stage={o.stage}
        disabled={!open || action.busy}
        onMove={(stage) => void action.run(() => commands.moveStage(o.id, stage))}
      />
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      <div className="columns">
        <div className="page">
          <OpportunityForm opportunity={o} />
          <div className="panel">
            <LinesEditor
              lines={o.lines}
              currency={o.currency}
              priceListId={o.priceListId}
              readOnly={!open}
              onEdit={(edit) => commands.editLines(o.id, edit)}
              onChoosePriceList={(priceListId) => commands.update(o.id, { priceListId })}
            />
          </div>
          <RelatedDocuments opportunityId={o.id} />
        </div>
        <ReassignPanel type="opportunity" id={o.id} ownerId={o.ownerId} />
        <Timeline regardingType="opportunity" regardingId={o.id} />
      </div>
      {dialog === 'won' ? <CloseWonDialog opportunity={o} onClose={() => setDialog(null)} /> : null}
      {dialog === 'lost' ? (
        <CloseLostDialog opportunity={o} onClose={() => setDialog(null)} />
      ) : null}
    </section>
  );
};
