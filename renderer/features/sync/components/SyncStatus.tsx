// Always-visible sync status: online/offline, waiting changes, last sync, rejected changes,
// and, during the first sync, what it is downloading instead of "synced".
import { useTranslation } from 'react-i18next';
import { routeHref } from '../../../app/router';
import { localizedText } from '../../../i18n/localized';
import { useFormat } from '../../../i18n/use-format';
import { useSyncStatus } from '../queries';

export const SyncStatus = () => {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const status = useSyncStatus();
  const rejected = status.rejected.length;
  return (
    <div className="sync-status" role="status" aria-label={t('sync.status')} aria-live="polite">
      <span data-testid="sync-online">
        <span
          className={`dot ${status.online ? 'dot-online' : 'dot-offline'}`}
          aria-hidden="true"
        />
        {status.online ? t('sync.online') : t('sync.offline')}
      </span>
      {status.firstSync === null || status.pending > 0 ? (
        <span data-testid="sync-pending">
          {status.pending > 0 ? t('sync.pending', { count: status.pending }) : t('sync.upToDate')}
        </span>
      ) : null}
      {status.firstSync === null ? (
        <span data-testid="sync-last">
          {status.lastSyncAt
            ? t('sync.lastSync', { when: fmt.dateTime(status.lastSyncAt) })
            : t('sync.never')}
        </span>
      ) : null}
      {rejected > 0 ? (
        <a href={routeHref('sync')} className="badge badge-danger" data-testid="sync-rejected">
          {t('sync.rejected', { count: rejected })}
        </a>
      ) : null}
      {status.error ? (
        <a href={routeHref('sync')} className="badge badge-danger" data-testid="sync-error">
          {localizedText(status.error.message, i18n.language)}
        </a>
      ) : null}
      {status.restoreResync ? (
        <span className="badge" data-testid="sync-restore" title={t('sync.restoreResyncHint')}>
          {t('sync.restoreResync')}
        </span>
      ) : null}
      {status.firstSync ? <FirstSyncProgress {...status.firstSync} /> : null}
    </div>
  );
};

// The first sync says what it is doing, in words and with a bar, instead of "synced".
const FirstSyncProgress = ({ done, total }: { done: number; total: number | null }) => {
  const { t } = useTranslation();
  const text =
    total === null
      ? t('sync.firstSyncCount', { done })
      : t('sync.firstSyncProgress', { done, total });
  return (
    <span data-testid="sync-first">
      <span>{text}</span>{' '}
      <progress
        aria-label={t('sync.firstSync')}
        max={total ?? undefined}
        value={total === null ? undefined : done}
        aria-valuetext={text}
      />
    </span>
  );
};
