// The capture form's badge scanning: a toggle to start the camera, and the scanned badges of
// this app session so a second scan of the same badge is recognised.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BadgeReading } from '../../../../shared/import/badge';
import { Button } from '../../../ui/Button';
import { BadgeScanner } from './BadgeScanner';

// Badges scanned since the app started (a fair day), across visits to the capture screen.
const scannedThisSession = new Set<string>();

/** What the capture form takes from a badge. */
export type BadgeFields = {
  firstName: string;
  lastName: string;
  company: string;
  email: string;
  phone: string;
  jobTitle: string;
  notes: string;
};

export const badgeFields = (reading: BadgeReading): BadgeFields => {
  const f = reading.fields;
  return {
    firstName: f.firstName ?? '',
    lastName: f.lastName ?? '',
    company: f.company ?? '',
    email: f.email ?? '',
    phone: f.phone || f.mobile || '',
    jobTitle: f.jobTitle ?? '',
    // An event's own code is kept as scanned, for the office to resolve later.
    notes: [f.website, f.notes].filter(Boolean).join('\n'),
  };
};

export const BadgeScanPanel = ({ onBadge }: { onBadge: (fields: BadgeFields) => void }) => {
  const { t } = useTranslation();
  const [scanning, setScanning] = useState(false);
  return (
    <div className="badge-scan">
      <Button aria-pressed={scanning} onClick={() => setScanning((s) => !s)}>
        {scanning ? t('scan.stop') : t('scan.start')}
      </Button>
      {scanning ? (
        <BadgeScanner
          seen={scannedThisSession}
          onBadge={(reading) => {
            scannedThisSession.add(reading.raw);
            onBadge(badgeFields(reading));
          }}
        />
      ) : null}
    </div>
  );
};
