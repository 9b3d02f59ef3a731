import { useEffect, useMemo, useState } from 'react';
import type { Company } from '../../../shared/domain/company';
import { useServices } from '../../app/services';
import { useObservable } from '../../app/use-observable';
import { getPlatform } from '../../platform';

/** The office's legal identity; null until the office sets it, undefined while loading. */
export const useCompany = (): Company | null | undefined => {
  const { queries } = useServices();
  return useObservable(
    useMemo(() => queries.company(), [queries]),
    undefined,
  );
};

/** The app's version (the desktop app's, or the browser build's), once known. */
export const useAppVersion = (): string | null => {
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    getPlatform()
      .appVersion()
      .then((v) => live && setVersion(v))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return version;
};
