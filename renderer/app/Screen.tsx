// Maps a route to its screen.
import { useTranslation } from 'react-i18next';
import type { Route } from './router';
import { LeadsScreen } from '../features/leads/components/LeadsScreen';
import { LeadCapture } from '../features/leads/components/LeadCapture';
import { LeadDetail } from '../features/leads/components/LeadDetail';
import { AccountsScreen } from '../features/accounts/components/AccountsScreen';
import { AccountDetail } from '../features/accounts/components/AccountDetail';
import { ContactsScreen } from '../features/contacts/components/ContactsScreen';
import { ContactDetail } from '../features/contacts/components/ContactDetail';
import { OpportunitiesScreen } from '../features/opportunities/components/OpportunitiesScreen';
import { OpportunityDetail } from '../features/opportunities/components/OpportunityDetail';
import { PipelineBoard } from '../features/opportunities/components/PipelineBoard';
import { QuotesScreen } from '../features/quotes/components/QuotesScreen';
import { QuoteDetail } from '../features/quotes/components/QuoteDetail';
import { OrdersScreen } from '../features/orders/components/OrdersScreen';
import { OrderDetail } from '../features/orders/components/OrderDetail';
import { InvoicesScreen } from '../features/invoices/components/InvoicesScreen';
import { InvoiceDetail } from '../features/invoices/components/InvoiceDetail';
import { SettingsScreen } from '../features/settings/components/SettingsScreen';
import { SyncScreen } from '../features/sync/components/SyncScreen';
import { AdminScreen } from '../features/admin/components/AdminScreen';
import { ManagerDashboard } from '../features/dashboard/components/ManagerDashboard';
import { Notice } from '../ui/Notice';
import { mayOpen } from './navigation';
import { useServices } from './services';

export const Screen = ({ route }: { route: Route }) => {
  const { section, id } = route;
  const { user } = useServices();
  const { t } = useTranslation();
  // The office's data stays on the server for other roles; this only says so in plain words.
  if (!mayOpen(user.role, section)) return <Notice kind="info">{t('app.notForRole')}</Notice>;
  switch (section) {
    case 'dashboard':
      return <ManagerDashboard />;
    case 'leads':
      if (id === 'new') return <LeadCapture />;
      return id ? <LeadDetail key={id} id={id} /> : <LeadsScreen />;
    case 'accounts':
      return id ? <AccountDetail key={id} id={id} /> : <AccountsScreen />;
    case 'contacts':
      return id ? <ContactDetail key={id} id={id} /> : <ContactsScreen />;
    case 'opportunities':
      return id ? <OpportunityDetail key={id} id={id} /> : <OpportunitiesScreen />;
    case 'pipeline':
      return <PipelineBoard />;
    case 'quotes':
      return id ? <QuoteDetail key={id} id={id} /> : <QuotesScreen />;
    case 'orders':
      return id ? <OrderDetail key={id} id={id} /> : <OrdersScreen />;
    case 'invoices':
      return id ? <InvoiceDetail key={id} id={id} /> : <InvoicesScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'sync':
      return <SyncScreen />;
    case 'admin':
      return <AdminScreen tab={id} />;
  }
};
