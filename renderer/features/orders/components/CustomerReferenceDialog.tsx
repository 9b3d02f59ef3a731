// The customer's purchase order number, set or corrected until the order is invoiced; the
// invoice, its PDF and its e-invoice carry it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../../shared/domain/records';
import { useAction } from '../../../app/use-action';
import { Dialog } from '../../../ui/Dialog';
import { TextField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { useOrderCommands } from '../commands';

export const CustomerReferenceDialog = ({
  order,
  onClose,
}: {
  order: Order;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const commands = useOrderCommands();
  const action = useAction();
  const [reference, setReference] = useState(order.customerReference);
  const submit = async () => {
    const saved = await action.run(() => commands.setCustomerReference(order.id, reference));
    if (saved !== undefined) onClose();
  };
  return (
    <Dialog
      title={t('order.customerReferenceTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('common.save')}
      cancelLabel={t('common.cancel')}
      submitDisabled={action.busy}
    >
      <TextField
        label={t('documents.customerReference')}
        hint={t('order.customerReferenceHint')}
        value={reference}
        maxLength={20}
        autoFocus
        onChange={(e) => setReference(e.target.value)}
      />
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
    </Dialog>
  );
};
