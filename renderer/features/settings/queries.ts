import { useEffect, useState } from 'react';
import { getPlatform } from '../../platform';

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
