// Close a quote (lost or canceled) and create an order from an active quote.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../../shared/domain/records';
import { useAction } from '../../../app/use-action';
import { CheckboxField, SelectField, TextField } from '../../../ui/Field';
import { Dialog } from '../../../ui/Dialog';
import { Notice } from '../../../ui/Notice';
import { useQuoteCommands } from '../commands';

export const CloseQuoteDialog = ({ quote, onClose }: { quote: Quote; onClose: () => void }) => {
  const { t } = useTranslation();
  const commands = useQuoteCommands();
  const action = useAction();
  const [status, setStatus] = useState<'lost' | 'canceled'>('lost');
  const submit = async () => {
    const done = await action.run(() => commands.close(quote.id, status));
    if (done !== undefined) onClose();
  };
  return (
    <Dialog
      title={t('quote.closeTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('quote.closeQuote')}
      submitVariant="danger"
      cancelLabel={t('common.cancel')}
      submitDisabled={action.busy}
    >
      <SelectField
        label={t('quote.closeStatus')}
        value={status}
        onChange={(e) => setStatus(e.target.value as 'lost' | 'canceled')}
        options={[
          { value: 'lost', label: t('quote.statuses.lost') },
          { value: 'canceled', label: t('quote.statuses.canceled') },
        ]}
      />
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
    </Dialog>
  );
};

type CreateOrderProps = { quote: Quote; onClose: () => void; onCreated: (orderId: string) => void };

export const CreateOrderDialog = ({ quote, onClose, onCreated }: CreateOrderProps) => {
  const { t } = useTranslation();
  const commands = useQuoteCommands();
  const action = useAction();
  const [closeOpportunity, setCloseOpportunity] = useState(true);
  const [customerReference, setCustomerReference] = useState('');
  const submit = async () => {
    const order = await action.run(() =>
      commands.createOrder(quote.id, { closeOpportunity, customerReference }),
    );
    if (order) onCreated(order.id);
  };
  return (
    <Dialog
      title={t('quote.createOrderTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('quote.createOrder')}
      cancelLabel={t('common.cancel')}
      submitDisabled={action.busy}
    >
      <TextField
        label={t('documents.customerReference')}
        hint={t('order.customerReferenceHint')}
        value={customerReference}
        maxLength={20}
        onChange={(e) => setCustomerReference(e.target.value)}
      />
      {quote.opportunityId ? (
        <CheckboxField
          label={t('quote.alsoCloseOpportunity')}
          checked={closeOpportunity}
          onChange={(e) => setCloseOpportunity(e.target.checked)}
        />
      ) : null}
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
    </Dialog>
  );
};
