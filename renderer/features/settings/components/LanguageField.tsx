// The language picker, on the sign-in screen and in settings: switches the UI at once and
// remembers the choice.
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../../app/ui-store';
import { changeLocale, locales } from '../../../i18n';
import type { UiLocale } from '../../../i18n';
import { SelectField } from '../../../ui/Field';

export const LanguageField = () => {
  const { t } = useTranslation();
  const { locale, setLocale } = useUiStore();
  return (
    <SelectField
      label={t('settings.language')}
      value={locale}
      onChange={(e) => {
        const next = e.target.value as UiLocale;
        setLocale(next);
        changeLocale(next);
      }}
      options={locales.map((l) => ({ value: l, label: t(`settings.languages.${l}`) }))}
    />
  );
};
