// The lead list's fair filters: which fair (with how many leads each brought), and with a
// fair chosen, one of its questions and the answer wanted.
import { useTranslation } from 'react-i18next';
import { fairsForPicker } from '../../../../shared/domain/trade-fair';
import type { LeadFilters } from '../../../app/ui-store';
import { SelectField, TextField } from '../../../ui/Field';
import { localToday, useLeadCountsByFair, useTradeFairs } from '../queries';

export const FairLeadFilters = ({
  filters,
  onChange,
}: {
  filters: LeadFilters;
  onChange: (patch: Partial<LeadFilters>) => void;
}) => {
  const { t } = useTranslation();
  const fairs = fairsForPicker(useTradeFairs() ?? [], localToday());
  const counts = useLeadCountsByFair();
  const fairId = filters.fair ?? 'all';
  const fair = fairs.find((f) => f.id === fairId);
  const question = fair?.questions.find((q) => q.id === filters.fairQuestion);
  if (fairs.length === 0) return null;
  return (
    <>
      <SelectField
        label={t('fair.filter')}
        value={fairId}
        onChange={(e) => onChange({ fair: e.target.value, fairQuestion: '', fairAnswer: '' })}
        options={[
          { value: 'all', label: t('common.all') },
          ...fairs.map((f) => ({
            value: f.id,
            label: t('fair.withCount', { name: f.name, count: counts[f.id] ?? 0 }),
          })),
        ]}
      />
      {fair !== undefined && fair.questions.length > 0 ? (
        <SelectField
          label={t('fair.filterQuestion')}
          value={filters.fairQuestion ?? ''}
          onChange={(e) => onChange({ fairQuestion: e.target.value, fairAnswer: '' })}
          options={[
            { value: '', label: t('fair.anyQuestion') },
            ...fair.questions.map((q) => ({ value: q.id, label: q.label })),
          ]}
        />
      ) : null}
      {question === undefined ? null : question.kind === 'text' || question.kind === 'number' ? (
        <TextField
          label={question.kind === 'number' ? t('fair.filterAtLeast') : t('fair.filterAnswer')}
          value={filters.fairAnswer ?? ''}
          inputMode={question.kind === 'number' ? 'decimal' : undefined}
          onChange={(e) => onChange({ fairAnswer: e.target.value })}
        />
      ) : (
        <SelectField
          label={t('fair.filterAnswer')}
          value={filters.fairAnswer ?? ''}
          onChange={(e) => onChange({ fairAnswer: e.target.value })}
          options={[
            { value: '', label: t('fair.anyAnswer') },
            ...(question.kind === 'yes_no'
              ? [
                  { value: 'yes', label: t('common.yes') },
                  { value: 'no', label: t('common.no') },
                ]
              : question.options.map((o) => ({ value: o, label: o }))),
          ]}
        />
      )}
    </>
  );
};
