// The audit log: every admin action, newest first, with what changed.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/use-format';
import { Button } from '../../../ui/Button';
import { Notice } from '../../../ui/Notice';
import { useOfficeData } from '../queries';

type Money = (minor: number, currency: string) => string;

/** The fields an action changed, "field: before → after", or the record it made. */
const changes = (before: unknown, after: unknown, money: Money): string => {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  // Prices are kept in minor units with their currency: shown as the office reads them.
  const currency = typeof a.currency === 'string' ? a.currency : null;
  const show = (v: unknown): string =>
    v === null || v === undefined
      ? '—'
      : typeof v === 'number' && currency
        ? money(v, currency)
        : typeof v === 'object'
          ? JSON.stringify(v)
          : String(v);
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => show(b[k]) !== show(a[k]))
    .map((k) => (before === null ? `${k}: ${show(a[k])}` : `${k}: ${show(b[k])} → ${show(a[k])}`))
    .join('; ');
};

export const AuditPanel = () => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const audit = useOfficeData((o) => o.audit());
  return (
    <>
      <Button onClick={audit.reload}>{t('admin.audit.refresh')}</Button>
      {audit.error ? <Notice kind="error">{audit.error}</Notice> : null}
      {audit.data?.length === 0 ? <p>{t('admin.audit.empty')}</p> : null}
      <table className="grid" aria-label={t('admin.tabs.audit')}>
        <thead>
          <tr>
            <th>{t('admin.audit.when')}</th>
            <th>{t('admin.audit.who')}</th>
            <th>{t('admin.audit.action')}</th>
            <th>{t('admin.audit.target')}</th>
            <th>{t('admin.audit.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {(audit.data ?? []).map((e) => (
            <tr key={e.id}>
              <td>{fmt.dateTime(e.at)}</td>
              <td>{e.actorId === 'command-line' ? t('admin.audit.commandLine') : e.actorEmail}</td>
              <td>{t(`admin.audit.actions.${e.action}`, { defaultValue: e.action })}</td>
              <td>{e.target}</td>
              <td>{changes(e.before, e.after, fmt.money)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
};
