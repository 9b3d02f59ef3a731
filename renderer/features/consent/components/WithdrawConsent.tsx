// "Withdraw consent": one action on a lead or a contact page. The dialog asks only how the
// person said so; the consent record and the timeline are updated by the command.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WithdrawalChannel } from '../../../../shared/domain/consent';
import { isConsentWithdrawn, withdrawalChannels } from '../../../../shared/domain/consent';
import type { Result } from '../../../../shared/domain/errors';
import type { Consent } from '../../../../shared/domain/records';
import { useAction } from '../../../app/use-action';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { SelectField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';

type Props = {
  consent: Consent | undefined;
  withdraw: (how: WithdrawalChannel) => Promise<Result<unknown>>;
};

export const WithdrawConsentButton = ({ consent, withdraw }: Props) => {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [how, setHow] = useState<WithdrawalChannel>('in_person');
  const action = useAction();
  if (isConsentWithdrawn(consent)) return null;
  const submit = async () => {
    if ((await action.run(() => withdraw(how))) !== undefined) setOpen(false);
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('consent.withdraw')}</Button>
      {open ? (
        <Dialog
          title={t('consent.withdrawTitle')}
          onClose={() => setOpen(false)}
          onSubmit={() => void submit()}
          submitLabel={t('consent.withdraw')}
          submitVariant="danger"
          cancelLabel={t('common.cancel')}
          submitDisabled={action.busy}
        >
          <p>{t('consent.withdrawText')}</p>
          <SelectField
            label={t('consent.how')}
            value={how}
            onChange={(e) => setHow(e.target.value as WithdrawalChannel)}
            options={withdrawalChannels.map((c) => ({
              value: c,
              label: t(`consent.channels.${c}`),
            }))}
          />
          {action.error ? <Notice kind="error">{action.error}</Notice> : null}
        </Dialog>
      ) : null}
    </>
  );
};
