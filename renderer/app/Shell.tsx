// The signed-in layout: top bar (search, sync status), sidebar navigation, the current screen.
import { useTranslation } from 'react-i18next';
import { routeHref, useRoute } from './router';
import { navFor } from './navigation';
import { useServices } from './services';
import { Screen } from './Screen';
import { GlobalSearch } from '../features/search/components/GlobalSearch';
import { RefusedNotice } from '../features/sync/components/RefusedNotice';
import { SyncStatus } from '../features/sync/components/SyncStatus';
import { usePrintingReady } from '../features/documents/use-printing-ready';
import { useGlobalShortcuts } from './use-global-shortcuts';
import { LockButton } from '../features/auth/components/AppLock';

// Detail screens of documents highlight the list they belong to.
export const Shell = () => {
  const { t } = useTranslation();
  const route = useRoute();
  const { user } = useServices();
  useGlobalShortcuts();
  usePrintingReady();
  return (
    <div className="shell">
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <GlobalSearch />
        <SyncStatus />
        <LockButton />
      </header>
      <nav className="sidebar" aria-label={t('app.mainNav')}>
        <ul>
          {navFor(user.role).map((section) => (
            <li key={section}>
              <a
                href={routeHref(section)}
                aria-current={route.section === section ? 'page' : undefined}
              >
                {t(`nav.${section}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main-content" className="content" tabIndex={-1}>
        <RefusedNotice route={route} />
        <Screen route={route} />
      </main>
    </div>
  );
};
