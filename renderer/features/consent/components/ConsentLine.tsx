// One line saying where a person's consent stands: given (when, how), withdrawn (when, how)
// or never given.
import { useTranslation } from 'react-i18next';
import { withdrawalChannel } from '../../../../shared/domain/consent';
import type { Consent } from '../../../../shared/domain/records';
import { useFormat } from '../../../i18n/use-format';

export const ConsentWithdrawnLine = ({ consent }: { consent: Consent | undefined }) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const channel = withdrawalChannel(consent);
  if (channel === null || consent?.at == null) return null;
  return (
    <p className="hint" role="status">
      {t('consent.withdrawnOn', {
        when: fmt.dateTime(consent.at),
        how: t(`consent.channels.${channel}`),
      })}
    </p>
  );
};
