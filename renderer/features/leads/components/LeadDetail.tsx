// A lead: its actions (Qualify, Disqualify, Reactivate, Delete where the deletion table
// allows it), editable details with BANT, and its timeline.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../../../shared/domain/records';
import { canRun, listsMove } from '../../../../shared/domain/lifecycle-moves';
import { navigate } from '../../../app/router';
import { useAction } from '../../../app/use-action';
import { useMayDelete } from '../../../app/use-may-delete';
import { useFormat } from '../../../i18n/use-format';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { ConfirmDeleteDialog } from '../../../ui/ConfirmDeleteDialog';
import { ReadField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { ConsentWithdrawnBadge } from '../../consent/components/ConsentWithdrawnBadge';
import { WithdrawConsentButton } from '../../consent/components/WithdrawConsent';
import { OpportunityTopic } from '../../documents/components/RecordLinks';
import { useOwnerName } from '../../team/queries';
import { FairAnswersView } from '../../fairs/components/FairQuestionFields';
import { useTradeFairs } from '../../fairs/queries';
import { Timeline } from '../../timeline/components/Timeline';
import { ReassignPanel } from '../../team/components/ReassignPanel';
import { useLeadCommands } from '../commands';
import { leadName, leadStateTone } from '../lead-text';
import { useLead } from '../queries';
import { DisqualifyDialog } from './DisqualifyDialog';
import { LeadForm } from './LeadForm';
import { QualifyDialog } from './QualifyDialog';

export const LeadDetail = ({ id }: { id: string }) => {
  const { t } = useTranslation();
  const lead = useLead(id);
  if (lead === undefined) return <p>{t('app.loading')}</p>;
  if (lead === null) return <Notice kind="info">{t('app.notFound')}</Notice>;
  return <LeadView lead={lead} />;
};

const LeadView = ({ lead }: { lead: Lead }) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const commands = useLeadCommands();
  const action = useAction();
  const ownerName = useOwnerName(lead.ownerId);
  const fairs = useTradeFairs();
  const fair = fairs?.find((f) => f.id === lead.tradeFairId) ?? null;
  const [dialog, setDialog] = useState<'qualify' | 'disqualify' | 'delete' | null>(null);
  const deletable = useMayDelete('lead', lead);
  const remove = async () => {
    if ((await action.run(() => commands.remove(lead.id))) !== undefined) navigate('leads');
  };
  return (
    <section className="page" aria-labelledby="lead-title">
      <div className="page-head">
        <h1 id="lead-title">{leadName(lead)}</h1>
        <Badge tone={leadStateTone[lead.state]}>{t(`lead.statuses.${lead.status}`)}</Badge>
        <ConsentWithdrawnBadge consent={lead.consent} />
        {listsMove('lead', 'updateLead', lead, { state: 'open', status: 'contacted' }) ? (
          <Button
            onClick={() => void action.run(() => commands.update(lead.id, { status: 'contacted' }))}
          >
            {t('lead.markContacted')}
          </Button>
        ) : null}
        {canRun('lead', 'qualifyLead', lead) ? (
          <Button variant="primary" onClick={() => setDialog('qualify')}>
            {t('lead.qualify')}
          </Button>
        ) : null}
        {canRun('lead', 'disqualifyLead', lead) ? (
          <Button variant="danger" onClick={() => setDialog('disqualify')}>
            {t('lead.disqualify')}
          </Button>
        ) : null}
        {canRun('lead', 'reactivateLead', lead) ? (
          <Button onClick={() => void action.run(() => commands.reactivate(lead.id))}>
            {t('lead.reactivate')}
          </Button>
        ) : null}
        {deletable ? (
          <Button variant="danger" onClick={() => setDialog('delete')}>
            {t('common.delete')}
          </Button>
        ) : null}
        <WithdrawConsentButton
          consent={lead.consent}
          withdraw={(how) => commands.withdrawConsent(lead.id, how)}
        />
        {lead.qualifiedOpportunityId ? (
          <Button onClick={() => navigate('opportunities', lead.qualifiedOpportunityId)}>
            {t('lead.qualifiedInto')}: <OpportunityTopic id={lead.qualifiedOpportunityId} />
          </Button>
        ) : null}
      </div>
      <dl className="header-summary" aria-label={t('lead.summary')}>
        <ReadField label={t('common.company')}>{lead.company}</ReadField>
        <ReadField label={t('common.owner')}>{ownerName ?? ''}</ReadField>
        <ReadField label={t('common.created')}>{fmt.date(lead.createdAt)}</ReadField>
      </dl>
      {lead.tradeFairId !== null ? (
        <FairAnswersView fair={fair} answers={lead.fairAnswers} />
      ) : null}
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      <div className="columns">
        <LeadForm lead={lead} />
        <ReassignPanel type="lead" id={lead.id} ownerId={lead.ownerId} />
        <Timeline regardingType="lead" regardingId={lead.id} />
      </div>
      {dialog === 'qualify' ? (
        <QualifyDialog
          lead={lead}
          onClose={() => setDialog(null)}
          onQualified={(opportunityId) => navigate('opportunities', opportunityId)}
        />
      ) : null}
      {dialog === 'disqualify' ? (
        <DisqualifyDialog lead={lead} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'delete' ? (
        <ConfirmDeleteDialog
          title={t('lead.deleteTitle')}
          text={t('lead.deleteConfirm')}
          error={action.error}
          busy={action.busy}
          onConfirm={() => void remove()}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </section>
  );
};
