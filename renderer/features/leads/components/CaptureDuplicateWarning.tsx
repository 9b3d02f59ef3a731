// While a lead is typed in: "this may be someone already met", from the device's search
// index (works offline), with a link to open the existing record.
import { useTranslation } from 'react-i18next';
import type { CaptureDraft } from '../../../../shared/domain/capture-duplicates';
import { routeHref } from '../../../app/router';
import type { Section } from '../../../app/router';
import { useCaptureDuplicates } from '../queries';

const sections: Record<'lead' | 'account' | 'contact', Section> = {
  lead: 'leads',
  account: 'accounts',
  contact: 'contacts',
};

export const CaptureDuplicateWarning = ({ draft }: { draft: CaptureDraft }) => {
  const { t } = useTranslation();
  const duplicates = useCaptureDuplicates(draft);
  if (duplicates.length === 0) return null;
  return (
    <div className="notice notice-info" role="status" aria-label={t('lead.captureDuplicates')}>
      <strong>{t('lead.captureDuplicates')}</strong>
      <ul>
        {duplicates.map((d) => (
          <li key={`${d.type}:${d.id}`}>
            <a href={routeHref(sections[d.type], d.id)}>{d.label}</a> (
            {d.reasons.map((r) => t(`lead.duplicateReason.${r}`)).join(', ')})
          </li>
        ))}
      </ul>
    </div>
  );
};
