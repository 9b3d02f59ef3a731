// The flag a person who withdrew GDPR consent carries wherever they appear.
import { useTranslation } from 'react-i18next';
import { isConsentWithdrawn } from '../../../../shared/domain/consent';
import type { Consent } from '../../../../shared/domain/records';
import { Badge } from '../../../ui/Badge';

export const ConsentWithdrawnBadge = ({ consent }: { consent: Consent | undefined }) => {
  const { t } = useTranslation();
  return isConsentWithdrawn(consent) ? (
    <Badge tone="danger">{t('consent.withdrawnBadge')}</Badge>
  ) : null;
};
