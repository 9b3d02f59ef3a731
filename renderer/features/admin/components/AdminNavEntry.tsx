// The administration's entry in the sidebar, shown to admins only.
import { useTranslation } from 'react-i18next';
import { routeHref } from '../../../app/router';
import { useIsAdmin } from '../queries';

export const AdminNavEntry = ({ current }: { current: boolean }) => {
  const { t } = useTranslation();
  const isAdmin = useIsAdmin();
  if (!isAdmin) return null;
  return (
    <li>
      <a href={routeHref('admin')} aria-current={current ? 'page' : undefined}>
        {t('nav.admin')}
      </a>
    </li>
  );
};
