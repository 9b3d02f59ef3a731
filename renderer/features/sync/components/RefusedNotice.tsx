// On a record's own screen: the office refused its last change, why, and that saving the
// corrected form sends it again. Shown until the server accepts it.
import { useTranslation } from 'react-i18next';
import type { Route } from '../../../app/router';
import { Notice } from '../../../ui/Notice';
import { useSyncStatus } from '../queries';
import { correctionPlace, fieldToCorrect, rejectionText } from '../server-text';

export const RefusedNotice = ({ route }: { route: Route }) => {
  const { t, i18n } = useTranslation();
  const { rejected } = useSyncStatus();
  if (route.id === null) return null;
  const here = rejected.filter((r) => {
    const place = correctionPlace(r);
    return place !== null && place.section === route.section && place.id === route.id;
  });
  if (here.length === 0) return null;
  return (
    <div data-testid="refused-here">
      {here.map((r) => (
        <Notice key={`${r.collection}/${r.id}`} kind="error">
          {t('sync.refusedHere', { reason: rejectionText(r, i18n.language, t) })}{' '}
          {fieldToCorrect(r.field, t)}
        </Notice>
      ))}
    </div>
  );
};
