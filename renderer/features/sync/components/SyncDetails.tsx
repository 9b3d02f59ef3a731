// Sync details under the rejected changes: where each collection stands (last pull, changes
// waiting) and the latest sync runs with what they moved and how they ended.
import { useTranslation } from 'react-i18next';
import { localizedText } from '../../../i18n/localized';
import { useFormat } from '../../../i18n/use-format';
import { Badge } from '../../../ui/Badge';
import type { SyncStatus } from '../../../data/sync/status';

const outcomeTone = { ok: 'ok', failed: 'danger', offline: 'warn' } as const;

export const CollectionsPanel = ({ status }: { status: SyncStatus }) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const rows = Object.entries(status.collections);
  return (
    <section className="panel" aria-labelledby="sync-collections-title">
      <h2 id="sync-collections-title">{t('sync.collectionsTitle')}</h2>
      <table className="grid" aria-labelledby="sync-collections-title">
        <thead>
          <tr>
            <th>{t('sync.collection')}</th>
            <th>{t('sync.lastPull')}</th>
            <th className="num">{t('sync.waiting')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, c]) => (
            <tr key={name}>
              <td>{t(`sync.collectionNames.${name}`, { defaultValue: name })}</td>
              <td>{c.lastPullAt ? fmt.dateTime(c.lastPullAt) : t('sync.never')}</td>
              <td className="num">{c.pending}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};

export const HistoryPanel = ({ status }: { status: SyncStatus }) => {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  return (
    <section className="panel" aria-labelledby="sync-history-title">
      <h2 id="sync-history-title">{t('sync.historyTitle')}</h2>
      {status.history.length === 0 ? <p className="hint">{t('sync.noHistory')}</p> : null}
      {status.history.length > 0 ? (
        <table className="grid" aria-labelledby="sync-history-title">
          <thead>
            <tr>
              <th>{t('sync.when')}</th>
              <th>{t('sync.outcome')}</th>
              <th className="num">{t('sync.received')}</th>
              <th className="num">{t('sync.sent')}</th>
              <th className="num">{t('sync.refused')}</th>
            </tr>
          </thead>
          <tbody>
            {status.history.map((run) => (
              <tr key={`${run.startedAt}-${run.endedAt}`}>
                <td>{fmt.dateTime(run.endedAt)}</td>
                <td>
                  <Badge tone={outcomeTone[run.outcome]}>{t(`sync.outcomes.${run.outcome}`)}</Badge>
                  {run.message ? (
                    <span className="hint"> · {localizedText(run.message, i18n.language)}</span>
                  ) : null}
                </td>
                <td className="num">{run.pulled}</td>
                <td className="num">{run.pushed}</td>
                <td className="num">{run.refused}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
};
