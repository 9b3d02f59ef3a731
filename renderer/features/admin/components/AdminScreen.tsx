// The administration: one screen, a tab per office register (#/admin/<tab>). Admin role only;
// the server answers 403 to anyone else whatever the screen shows.
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/router';
import { Notice } from '../../../ui/Notice';
import { Tabs } from '../../../ui/Tabs';
import { useIsAdmin } from '../queries';
import { AuditPanel } from './AuditPanel';
import { CatalogPanel } from './CatalogPanel';
import { CompanyPanel } from './CompanyPanel';
import { DevicesPanel } from './DevicesPanel';
import { RatesPanel } from './RatesPanel';
import { TeamsPanel } from './TeamsPanel';
import { UsersPanel } from './UsersPanel';
import { VatPanel } from './VatPanel';

export const adminTabs = [
  'users',
  'teams',
  'devices',
  'catalog',
  'rates',
  'vat',
  'company',
  'audit',
] as const;
export type AdminTab = (typeof adminTabs)[number];

const panels: Record<AdminTab, () => React.JSX.Element> = {
  users: UsersPanel,
  teams: TeamsPanel,
  devices: DevicesPanel,
  catalog: CatalogPanel,
  rates: RatesPanel,
  vat: VatPanel,
  company: CompanyPanel,
  audit: AuditPanel,
};

export const AdminScreen = ({ tab }: { tab: string | null }) => {
  const { t } = useTranslation();
  const isAdmin = useIsAdmin();
  if (!isAdmin)
    return (
      <section className="page" aria-labelledby="admin-title">
        <h1 id="admin-title">{t('nav.admin')}</h1>
        <Notice kind="error">{t('admin.onlyAdmins')}</Notice>
      </section>
    );
  const active: AdminTab = adminTabs.find((x) => x === tab) ?? 'users';
  const Panel = panels[active];
  return (
    <section className="page" aria-labelledby="admin-title">
      <div className="page-head">
        <h1 id="admin-title">{t('nav.admin')}</h1>
      </div>
      <Tabs
        label={t('nav.admin')}
        tabs={adminTabs.map((id) => ({ id, label: t(`admin.tabs.${id}`) }))}
        active={active}
        onChange={(id) => navigate('admin', id)}
      >
        <Panel key={active} />
      </Tabs>
    </section>
  );
};
