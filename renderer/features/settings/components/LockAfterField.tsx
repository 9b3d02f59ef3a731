// How long the app may sit idle before it locks and asks for the password again.
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../../app/ui-store';
import { SelectField } from '../../../ui/Field';

const choices = [1, 5, 15, 30, 60] as const;

export const LockAfterField = () => {
  const { t } = useTranslation();
  const { lockAfterMinutes, setLockAfterMinutes } = useUiStore();
  return (
    <SelectField
      label={t('settings.lockAfter')}
      hint={t('settings.lockAfterHint')}
      value={String(lockAfterMinutes)}
      onChange={(e) => setLockAfterMinutes(Number(e.target.value))}
      options={choices.map((minutes) => ({
        value: String(minutes),
        label: t('settings.minutes', { count: minutes }),
      }))}
    />
  );
};
