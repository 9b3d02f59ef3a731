// Close an opportunity as won (actual revenue and date) or lost (status and competitor).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Opportunity } from '../../../../shared/domain/records';
import { useAction } from '../../../app/use-action';
import { inputToMinor, minorToInput } from '../../../i18n/format';
import { DateField } from '../../../ui/DateField';
import { Dialog } from '../../../ui/Dialog';
import { SelectField, TextArea, TextField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { useOpportunityCommands } from '../commands';

const today = () => new Date().toISOString().slice(0, 10);

type Props = { opportunity: Opportunity; onClose: () => void };

export const CloseWonDialog = ({ opportunity, onClose }: Props) => {
  const { t } = useTranslation();
  const commands = useOpportunityCommands();
  const action = useAction();
  const [revenue, setRevenue] = useState(
    minorToInput(opportunity.estimatedRevenue, opportunity.currency),
  );
  const [date, setDate] = useState(today());
  const [description, setDescription] = useState('');
  const actualRevenue = inputToMinor(revenue, opportunity.currency);
  const submit = async () => {
    if (actualRevenue === null) return;
    const done = await action.run(() =>
      commands.closeAsWon(opportunity.id, {
        actualRevenue,
        actualCloseDate: date,
        closeDescription: description,
      }),
    );
    if (done !== undefined) onClose();
  };
  return (
    <Dialog
      title={t('opportunity.closeWonTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('opportunity.closeWon')}
      cancelLabel={t('common.cancel')}
      submitDisabled={actualRevenue === null || action.busy}
    >
      <div className="form-grid">
        <TextField
          label={`${t('opportunity.actualRevenue')} (${opportunity.currency})`}
          inputMode="decimal"
          value={revenue}
          onChange={(e) => setRevenue(e.target.value)}
          error={actualRevenue === null ? t('errors.number') : null}
        />
        <DateField label={t('opportunity.actualCloseDate')} value={date} onChange={setDate} />
        <TextArea
          label={t('opportunity.closeDescription')}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          wide
        />
      </div>
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
    </Dialog>
  );
};

export const CloseLostDialog = ({ opportunity, onClose }: Props) => {
  const { t } = useTranslation();
  const commands = useOpportunityCommands();
  const action = useAction();
  const [status, setStatus] = useState<'canceled' | 'out_sold'>('out_sold');
  const [competitor, setCompetitor] = useState('');
  const [date, setDate] = useState(today());
  const [description, setDescription] = useState('');
  const submit = async () => {
    const done = await action.run(() =>
      commands.closeAsLost(opportunity.id, {
        status,
        competitor,
        actualCloseDate: date,
        closeDescription: description,
      }),
    );
    if (done !== undefined) onClose();
  };
  return (
    <Dialog
      title={t('opportunity.closeLostTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('opportunity.closeLost')}
      submitVariant="danger"
      cancelLabel={t('common.cancel')}
      submitDisabled={action.busy}
    >
      <div className="form-grid">
        <SelectField
          label={t('opportunity.lostStatus')}
          value={status}
          onChange={(e) => setStatus(e.target.value as 'canceled' | 'out_sold')}
          options={[
            { value: 'out_sold', label: t('opportunity.statuses.out_sold') },
            { value: 'canceled', label: t('opportunity.statuses.canceled') },
          ]}
        />
        <TextField
          label={t('opportunity.competitor')}
          value={competitor}
          onChange={(e) => setCompetitor(e.target.value)}
        />
        <DateField label={t('opportunity.actualCloseDate')} value={date} onChange={setDate} />
        <TextArea
          label={t('opportunity.closeDescription')}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          wide
        />
      </div>
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
    </Dialog>
  );
};
