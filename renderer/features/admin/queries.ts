// What the administration screens read: straight from the office server (the admin works
// online at the office), reloaded after each change.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../shared/domain/errors';
import { useServices } from '../../app/services';
import type { OfficeAdminClient } from '../../data/office/admin-client';
import { localizedText } from '../../i18n/localized';

export type OfficeData<T> = { data: T | null; error: string | null; reload: () => void };

/** Loads one admin read; `reload` after a change. */
export const useOfficeData = <T>(
  read: (office: OfficeAdminClient) => Promise<Result<T>>,
): OfficeData<T> => {
  const { office } = useServices();
  const { i18n } = useTranslation();
  const [state, setState] = useState<{ data: T | null; error: { en: string; it: string } | null }>({
    data: null,
    error: null,
  });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    void read(office).then((result) => {
      if (!current) return;
      setState(
        result.ok
          ? { data: result.value, error: null }
          : { data: null, error: result.error.message },
      );
    });
    return () => {
      current = false;
    };
    // `read` is a fresh arrow on each render: the round decides when to load again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [office, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return {
    data: state.data,
    error: state.error ? localizedText(state.error, i18n.language) : null,
    reload,
  };
};

/** The administration screens are the admin's; the server refuses everyone else anyway. */
export const useIsAdmin = (): boolean => useServices().user.role === 'admin';
