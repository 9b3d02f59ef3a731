// Sync details and the rejected-changes panel: what the server refused and why (in the UI's
// language), with open (correct it in the record's own form), retry (push again) or discard
// (go back to the server's version).
import { useTranslation } from 'react-i18next';
import { routeHref } from '../../../app/router';
import { useAction } from '../../../app/use-action';
import { localizedText } from '../../../i18n/localized';
import { useFormat } from '../../../i18n/use-format';
import { Button } from '../../../ui/Button';
import { Notice } from '../../../ui/Notice';
import { useSyncActions } from '../commands';
import { useSyncStatus } from '../queries';
import { correctionPlace, fieldToCorrect, rejectionText } from '../server-text';
import { CollectionsPanel, HistoryPanel } from './SyncDetails';
import { personName } from '../../../../shared/domain/person-name';

const describe = (document: Record<string, unknown>): string => {
  const pick = (k: string) => (typeof document[k] === 'string' ? (document[k] as string) : '');
  return (
    pick('number') ||
    pick('topic') ||
    pick('name') ||
    personName({ firstName: pick('firstName'), lastName: pick('lastName') }) ||
    pick('subject') ||
    pick('id')
  );
};

export const SyncScreen = () => {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const status = useSyncStatus();
  const actions = useSyncActions();
  const action = useAction();
  return (
    <section className="page" aria-labelledby="sync-title">
      <div className="page-head">
        <h1 id="sync-title">{t('nav.sync')}</h1>
        <Button onClick={() => void action.run(actions.syncNow)} disabled={!status.online}>
          {t('sync.syncNow')}
        </Button>
      </div>
      {status.error ? (
        <Notice kind="error">{localizedText(status.error.message, i18n.language)}</Notice>
      ) : null}
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      <section className="panel" aria-labelledby="rejected-title">
        <h2 id="rejected-title">{t('sync.rejectedTitle')}</h2>
        <p className="hint">{t('sync.rejectedIntro')}</p>
        {status.rejected.length === 0 ? <p>{t('sync.noRejected')}</p> : null}
        {status.rejected.length > 0 ? (
          <table className="grid" aria-labelledby="rejected-title">
            <thead>
              <tr>
                <th>{t('sync.record')}</th>
                <th>{t('sync.reason')}</th>
                <th>{t('common.updated')}</th>
                <th>
                  <span className="visually-hidden">{t('common.edit')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {status.rejected.map((r) => {
                const name = describe(r.document);
                const place = correctionPlace(r);
                return (
                  <tr key={`${r.collection}/${r.id}`}>
                    <td>
                      {t(`sync.collections.${r.collection}`, { defaultValue: r.collection })}:{' '}
                      {name}
                    </td>
                    <td>
                      {rejectionText(r, i18n.language, t)}
                      {fieldToCorrect(r.field, t) ? (
                        <div className="hint">{fieldToCorrect(r.field, t)}</div>
                      ) : null}
                    </td>
                    <td>{fmt.dateTime(r.rejectedAt)}</td>
                    <td>
                      {place ? (
                        <>
                          <a
                            className="btn btn-secondary"
                            href={routeHref(place.section, place.id)}
                            aria-label={t('sync.openRecordOf', { name })}
                          >
                            {t('sync.openRecord')}
                          </a>{' '}
                        </>
                      ) : null}
                      <Button
                        onClick={() => void action.run(() => actions.retry(r.collection, r.id))}
                        aria-label={`${t('sync.retry')}: ${name}`}
                      >
                        {t('sync.retry')}
                      </Button>{' '}
                      <Button
                        variant="danger"
                        onClick={() => void action.run(() => actions.discard(r.collection, r.id))}
                        aria-label={`${t('sync.discard')}: ${name}`}
                      >
                        {t('sync.discard')}
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
      </section>
      <CollectionsPanel status={status} />
      <HistoryPanel status={status} />
    </section>
  );
};
