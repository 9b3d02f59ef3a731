// Starts loading what printing needs as soon as the app opens, while it is still online.
import { useEffect } from 'react';
import { warmUpPrinting } from './print-commands';

export const usePrintingReady = (): void => {
  useEffect(() => {
    // A failure here is retried when the seller prints, and reported there.
    warmUpPrinting().catch(() => undefined);
  }, []);
};
