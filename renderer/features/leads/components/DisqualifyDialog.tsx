import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lead, LeadDisqualifyReason } from '../../../../shared/domain/records';
import { leadDisqualifyReasons } from '../../../../shared/domain/records';
import { useAction } from '../../../app/use-action';
import { Dialog } from '../../../ui/Dialog';
import { SelectField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { useLeadCommands } from '../commands';

export const DisqualifyDialog = ({ lead, onClose }: { lead: Lead; onClose: () => void }) => {
  const { t } = useTranslation();
  const commands = useLeadCommands();
  const action = useAction();
  const [reason, setReason] = useState<LeadDisqualifyReason>('no_longer_interested');
  const submit = async () => {
    const done = await action.run(() => commands.disqualify(lead.id, reason));
    if (done) onClose();
  };
  return (
    <Dialog
      title={t('lead.disqualifyTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('lead.disqualify')}
      submitVariant="danger"
      cancelLabel={t('common.cancel')}
      submitDisabled={action.busy}
    >
      <SelectField
        label={t('lead.disqualifyReason')}
        value={reason}
        onChange={(e) => setReason(e.target.value as LeadDisqualifyReason)}
        options={leadDisqualifyReasons.map((r) => ({ value: r, label: t(`lead.statuses.${r}`) }))}
      />
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
    </Dialog>
  );
};
