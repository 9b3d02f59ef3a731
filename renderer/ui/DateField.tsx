// A date field of our own: the browser's date input follows the operating system's locale
// (mm/dd/yyyy on an English system), while Fairlead writes days first in both languages.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateInputPattern, formatDateInput, parseDateInput } from '../i18n/format';
import { useFormat } from '../i18n/use-format';
import { TextField } from './Field';

type Props = {
  label: string;
  /** A calendar day as YYYY-MM-DD, or '' for none. */
  value: string;
  /** Called with YYYY-MM-DD or '' once the typed text is a real day (or empty). */
  onChange: (iso: string) => void;
  readOnly?: boolean;
  required?: boolean;
};

export const DateField = ({ label, value, onChange, readOnly, required }: Props) => {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const [typed, setTyped] = useState<{ text: string; forValue: string } | null>(null);
  // What the person is typing, until the record's value changes under it (a save, a sync).
  const text = typed !== null && typed.forValue === value ? typed.text : formatDateInput(value);
  const parsed = parseDateInput(text);
  const pattern = dateInputPattern(locale);
  return (
    <TextField
      label={label}
      value={text}
      placeholder={pattern}
      inputMode="numeric"
      autoComplete="off"
      readOnly={readOnly}
      required={required}
      error={parsed === null ? t('errors.date', { pattern }) : null}
      onChange={(e) => {
        const next = parseDateInput(e.target.value);
        const forValue = next !== null && next !== value ? next : value;
        setTyped({ text: e.target.value, forValue });
        if (next !== null && next !== value) onChange(next);
      }}
    />
  );
};
