// Runs a store command and keeps its error (in the UI's language) for display.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DomainError, Result } from '../../shared/domain/errors';

export type ActionState = {
  error: string | null;
  /** The field the last error is about, when the rule named one (to show it by the field). */
  errorField: string | null;
  busy: boolean;
  run: <T>(command: () => Promise<Result<T>>) => Promise<T | undefined>;
  clear: () => void;
};

export const errorText = (error: DomainError, language: string): string =>
  language.startsWith('it') ? error.message.it : error.message.en;

export const useAction = (): ActionState => {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [errorField, setErrorField] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async <T>(command: () => Promise<Result<T>>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    setErrorField(null);
    try {
      const result = await command();
      if (result.ok) return result.value;
      setError(errorText(result.error, i18n.language));
      setErrorField(result.error.field ?? null);
      return undefined;
    } catch (thrown) {
      setError(t('errors.unexpected', { message: (thrown as Error).message }));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  const clear = () => {
    setError(null);
    setErrorField(null);
  };
  return { error, errorField, busy, run, clear };
};

/**
 * An action about one version of a record: its error (a gate not met, say) goes away once
 * the record changes, because the seller has just done what the message asked.
 */
export const useRecordAction = (version: string): ActionState => {
  const action = useAction();
  const [ranOn, setRanOn] = useState(version);
  // The version the record has when the command answers: a change that arrived while it ran
  // (the totals of a line just added, say) is not one the seller made after reading the error.
  const latest = useRef(version);
  useEffect(() => {
    latest.current = version;
  }, [version]);
  return {
    ...action,
    error: ranOn === version ? action.error : null,
    run: async (command) => {
      setRanOn(version);
      const value = await action.run(command);
      setRanOn(latest.current);
      return value;
    },
  };
};
