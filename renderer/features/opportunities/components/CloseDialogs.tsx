// Close an opportunity as won (actual revenue and date) or lost (status and competitor).
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../../shared/domain/errors';
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

type CloseDetails = { actualCloseDate: string; closeDescription: string };

/**
 * What both closings ask after their own fields: the close date and a description; then the
 * store's refusal, if any. `close` is null while the own fields are not valid yet.
 */
const CloseDialog = ({
  title,
  submitLabel,
  submitVariant,
  close,
  onClose,
  children,
}: {
  title: string;
  submitLabel: string;
  submitVariant?: 'danger';
  close: ((details: CloseDetails) => Promise<Result<unknown>>) | null;
  onClose: () => void;
  children: ReactNode;
}) => {
  const { t } = useTranslation();
  const action = useAction();
  const [date, setDate] = useState(today());
  const [description, setDescription] = useState('');
  const submit = async () => {
    if (close === null) return;
    const details = { actualCloseDate: date, closeDescription: description };
    const done = await action.run(() => close(details));
    if (done !== undefined) onClose();
  };
  return (
    <Dialog
      title={title}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={submitLabel}
      submitVariant={submitVariant}
      cancelLabel={t('common.cancel')}
      submitDisabled={close === null || action.busy}
    >
      <div className="form-grid">
        {children}
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

export const CloseWonDialog = ({ opportunity, onClose }: Props) => {
  const { t } = useTranslation();
  const commands = useOpportunityCommands();
  const [revenue, setRevenue] = useState(
    minorToInput(opportunity.estimatedRevenue, opportunity.currency),
  );
  const actualRevenue = inputToMinor(revenue, opportunity.currency);
  return (
    <CloseDialog
      title={t('opportunity.closeWonTitle')}
      submitLabel={t('opportunity.closeWon')}
      close={
        actualRevenue === null
          ? null
          : (details) => commands.closeAsWon(opportunity.id, { actualRevenue, ...details })
      }
      onClose={onClose}
    >
      <TextField
        label={`${t('opportunity.actualRevenue')} (${opportunity.currency})`}
        inputMode="decimal"
        value={revenue}
        onChange={(e) => setRevenue(e.target.value)}
        error={actualRevenue === null ? t('errors.number') : null}
      />
    </CloseDialog>
  );
};

export const CloseLostDialog = ({ opportunity, onClose }: Props) => {
  const { t } = useTranslation();
  const commands = useOpportunityCommands();
  const [status, setStatus] = useState<'canceled' | 'out_sold'>('out_sold');
  const [competitor, setCompetitor] = useState('');
  return (
    <CloseDialog
      title={t('opportunity.closeLostTitle')}
      submitLabel={t('opportunity.closeLost')}
      submitVariant="danger"
      close={(details) => commands.closeAsLost(opportunity.id, { status, competitor, ...details })}
      onClose={onClose}
    >
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
    </CloseDialog>
  );
};
