// Import step 2: what will happen to each row. Errors are listed with their line numbers;
// each likely duplicate gets its own decision (skip, update the existing lead, create anyway).
import { useTranslation } from 'react-i18next';
import type { DuplicateDecision, PlannedRow } from '../../../../../shared/import/lead-import';
import { SelectField } from '../../../../ui/Field';
import { localizedText } from '../../../../i18n/localized';
import { personName } from '../../../../../shared/domain/person-name';

type Props = {
  plan: PlannedRow[];
  decisions: Map<number, DuplicateDecision>;
  onDecide: (lines: number[], decision: DuplicateDecision) => void;
};

// Rows listed on screen at most; decisions for the rest follow "for all duplicates".
const SHOWN = 300;

export const ImportPreview = ({ plan, decisions, onDecide }: Props) => {
  const { t, i18n } = useTranslation();
  const errors = plan.flatMap((r) => (r.kind === 'error' ? [r] : []));
  const duplicates = plan.flatMap((r) => (r.kind === 'duplicate' ? [r] : []));
  const fresh = plan.filter((r) => r.kind === 'new').length;
  const decisionOptions = (canUpdate: boolean) => [
    { value: 'skip', label: t('leadImport.decision.skip') },
    ...(canUpdate ? [{ value: 'update', label: t('leadImport.decision.update') }] : []),
    { value: 'create', label: t('leadImport.decision.create') },
  ];
  return (
    <>
      <p role="status" className="import-summary">
        {t('leadImport.planSummary', {
          fresh,
          duplicates: duplicates.length,
          errors: errors.length,
        })}
      </p>
      {errors.length > 0 ? (
        <section aria-labelledby="import-errors">
          <h3 id="import-errors">{t('leadImport.errorsTitle', { count: errors.length })}</h3>
          <ul
            className="import-errors"
            aria-label={t('leadImport.errorsTitle', { count: errors.length })}
          >
            {errors.slice(0, SHOWN).map((r) => (
              <li key={r.line}>{localizedText(r.message, i18n.language)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {duplicates.length > 0 ? (
        <section aria-labelledby="import-duplicates">
          <h3 id="import-duplicates">
            {t('leadImport.duplicatesTitle', { count: duplicates.length })}
          </h3>
          <SelectField
            label={t('leadImport.decideAll')}
            value=""
            onChange={(e) => {
              const decision = e.target.value as DuplicateDecision;
              if (decision)
                onDecide(
                  duplicates.map((d) => d.line),
                  decision,
                );
            }}
            options={[{ value: '', label: '—' }, ...decisionOptions(true)]}
          />
          <ul className="import-duplicates">
            {duplicates.slice(0, SHOWN).map((d) => {
              const best = d.candidates[0];
              const who =
                [personName(d.input), d.input.company].filter(Boolean).join(' ') || d.input.email;
              return (
                <li key={d.line}>
                  <SelectField
                    label={t('leadImport.duplicateRow', {
                      line: d.line,
                      who,
                      existing: best?.label ?? '',
                      reasons: (best?.reasons ?? [])
                        .map((r) => t(`lead.duplicateReason.${r}`))
                        .join(', '),
                    })}
                    value={decisions.get(d.line) ?? 'skip'}
                    onChange={(e) => onDecide([d.line], e.target.value as DuplicateDecision)}
                    options={decisionOptions(best?.type === 'lead')}
                  />
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </>
  );
};
