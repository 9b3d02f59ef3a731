// Devices per user and their sync health: last sync, app version, refused changes waiting
// (so the office can call the seller before the fair ends); revoke a lost or stolen one.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminDevice } from '../../../../shared/office/admin-api';
import { useAction } from '../../../app/use-action';
import { useFormat } from '../../../i18n/use-format';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { Notice } from '../../../ui/Notice';
import { useOfficeCommands } from '../commands';
import { useOfficeData } from '../queries';

// A device silent for longer than this at a fair is worth a call.
const STALE_MS = 24 * 3600_000;

export const DevicesPanel = () => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const office = useOfficeCommands();
  const devices = useOfficeData((o) => o.devices());
  const action = useAction();
  const [revoking, setRevoking] = useState<AdminDevice | null>(null);
  // When the screen opened: "silent for a day" needs no second-by-second precision.
  const [now] = useState(() => Date.now());
  const revoke = async () => {
    if (!revoking) return;
    if ((await action.run(() => office.revokeDevice(revoking.id))) !== undefined) {
      setRevoking(null);
      devices.reload();
    }
  };
  const rows = [...(devices.data ?? [])].sort(
    (a, b) => a.userEmail.localeCompare(b.userEmail) || a.createdAt.localeCompare(b.createdAt),
  );
  return (
    <>
      <p className="hint">{t('admin.devices.intro')}</p>
      {devices.error ? <Notice kind="error">{devices.error}</Notice> : null}
      <table className="grid" aria-label={t('admin.tabs.devices')}>
        <thead>
          <tr>
            <th>{t('admin.devices.user')}</th>
            <th>{t('common.name')}</th>
            <th>{t('admin.devices.series')}</th>
            <th>{t('admin.devices.lastSync')}</th>
            <th>{t('admin.devices.appVersion')}</th>
            <th className="num">{t('admin.devices.refusedWaiting')}</th>
            <th className="num">{t('admin.devices.serverRefused')}</th>
            <th>{t('admin.users.state')}</th>
            <th>
              <span className="visually-hidden">{t('common.edit')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => {
            const stale = d.lastSyncAt === null || now - Date.parse(d.lastSyncAt) > STALE_MS;
            return (
              <tr key={d.id}>
                <td>{d.userEmail}</td>
                <td>{d.name}</td>
                <td>
                  <code>{d.series}</code>
                </td>
                <td>
                  {d.lastSyncAt ? fmt.dateTime(d.lastSyncAt) : t('admin.devices.never')}
                  {stale && !d.revokedAt ? (
                    <div className="hint">{t('admin.devices.stale')}</div>
                  ) : null}
                </td>
                <td>{d.appVersion ?? t('common.unknown')}</td>
                <td className="num">
                  {d.refusedWaiting === null ? '—' : d.refusedWaiting}
                  {d.refusedWaiting ? (
                    <div className="hint">{t('admin.devices.callSeller')}</div>
                  ) : null}
                </td>
                <td className="num">
                  {d.serverRefused}
                  {d.lastRefusedAt ? (
                    <div className="hint">{fmt.dateTime(d.lastRefusedAt)}</div>
                  ) : null}
                </td>
                <td>
                  {d.revokedAt ? (
                    <Badge tone="danger">
                      {t('admin.devices.revokedOn', { when: fmt.dateTime(d.revokedAt) })}
                    </Badge>
                  ) : (
                    t('admin.users.active')
                  )}
                </td>
                <td>
                  {d.revokedAt ? null : (
                    <Button variant="danger" onClick={() => setRevoking(d)}>
                      {t('admin.devices.revoke')}
                    </Button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {revoking ? (
        <Dialog
          title={t('admin.devices.revokeTitle', { name: revoking.name, series: revoking.series })}
          cancelLabel={t('common.cancel')}
          submitLabel={t('admin.devices.revoke')}
          submitVariant="danger"
          submitDisabled={action.busy}
          onClose={() => setRevoking(null)}
          onSubmit={() => void revoke()}
        >
          <p>{t('admin.devices.revokeExplained', { email: revoking.userEmail })}</p>
          {action.error ? <Notice kind="error">{action.error}</Notice> : null}
        </Dialog>
      ) : null}
    </>
  );
};
