// The audit log: every admin action, newest first, with what changed; older pages on demand.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditPageSize } from '../../../../shared/office/admin-api';
import type { AuditEntryView } from '../../../../shared/office/admin-api';
import { useServices } from '../../../app/services';
import { localizedText } from '../../../i18n/localized';
import { useFormat } from '../../../i18n/use-format';
import { Button } from '../../../ui/Button';
import { Notice } from '../../../ui/Notice';
import { useOfficeData } from '../queries';

type Money = (minor: number, currency: string) => string;

/** The fields an action changed, "field: before → after", or the record it made. */
const changes = (
  before: unknown,
  after: unknown,
  money: Money,
  teamName: (id: string) => string,
): string => {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  // Prices are kept in minor units with their currency: shown as the office reads them.
  const currency = typeof a.currency === 'string' ? a.currency : null;
  const show = (v: unknown, key = ''): string =>
    key === 'teamId' && typeof v === 'string'
      ? teamName(v)
      : v === null || v === undefined
        ? '—'
        : typeof v === 'number' && currency
          ? money(v, currency)
          : typeof v === 'object'
            ? JSON.stringify(v)
            : String(v);
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => show(b[k], k) !== show(a[k], k))
    .map((k) => {
      // A team is named, not shown by its id.
      const label = k === 'teamId' ? 'team' : k;
      return before === null
        ? `${label}: ${show(a[k], k)}`
        : `${label}: ${show(b[k], k)} → ${show(a[k], k)}`;
    })
    .join('; ');
};

export const AuditPanel = () => {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { office } = useServices();
  const audit = useOfficeData((o) => o.audit());
  const teams = useOfficeData((o) => o.teams());
  // Older pages, fetched on demand, belong to the first page they follow: a reload starts
  // again from the newest entries.
  type Older = { after: AuditEntryView[] | null; entries: AuditEntryView[]; exhausted: boolean };
  const [olderPages, setOlderPages] = useState<Older>({
    after: null,
    entries: [],
    exhausted: false,
  });
  const [olderError, setOlderError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const current = olderPages.after === audit.data;
  const older = current ? olderPages.entries : [];
  const exhausted = current && olderPages.exhausted;
  const entries = [...(audit.data ?? []), ...older];
  const lastPageFull =
    older.length === 0
      ? (audit.data?.length ?? 0) === auditPageSize
      : older.length % auditPageSize === 0;
  const teamName = (id: string): string => teams.data?.find((team) => team.id === id)?.name ?? id;
  const loadOlder = (): void => {
    const last = entries.at(-1);
    const first = audit.data;
    if (last === undefined || first === null) return;
    setLoading(true);
    void office.audit(last.id).then((page) => {
      setLoading(false);
      if (!page.ok) {
        setOlderError(localizedText(page.error.message, i18n.language));
        return;
      }
      setOlderError(null);
      setOlderPages({
        after: first,
        entries: [...older, ...page.value],
        exhausted: page.value.length < auditPageSize,
      });
    });
  };
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
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{fmt.dateTime(e.at)}</td>
              <td>{e.actorId === 'command-line' ? t('admin.audit.commandLine') : e.actorEmail}</td>
              <td>{t(`admin.audit.actions.${e.action}`, { defaultValue: e.action })}</td>
              <td>{e.target}</td>
              <td>{changes(e.before, e.after, fmt.money, teamName)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {olderError ? <Notice kind="error">{olderError}</Notice> : null}
      {exhausted ? <p>{t('admin.audit.noOlder')}</p> : null}
      {lastPageFull && !exhausted ? (
        <Button onClick={loadOlder} disabled={loading}>
          {t('admin.audit.older')}
        </Button>
      ) : null}
    </>
  );
};
