// The consent text every capture path shows and stores as the proof: the office's own wording
// naming its company (neutral until one is set), in the language the screen shows.
import { useTranslation } from 'react-i18next';
import { captureConsentWording } from '../../../shared/domain/company';
import { useCompany } from '../settings/queries';

export const useConsentWording = (): string => {
  const { i18n } = useTranslation();
  const company = useCompany();
  return captureConsentWording(company ?? null, i18n.language.startsWith('it') ? 'it' : 'en');
};
