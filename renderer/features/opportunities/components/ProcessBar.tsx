// The sales process bar: Qualify · Develop · Propose · Close. Clicking a stage moves there,
// if the stage's gates allow it (e.g. Propose needs a line and a close date).
import { useTranslation } from 'react-i18next';
import type { OpportunityStage } from '../../../../shared/domain/records';
import { opportunityStages } from '../../../../shared/domain/records';

type Props = {
  stage: OpportunityStage;
  disabled: boolean;
  onMove: (stage: OpportunityStage) => void;
};

export const ProcessBar = ({ stage, disabled, onMove }: Props) => {
  const { t } = useTranslation();
  const current = opportunityStages.indexOf(stage);
  return (
    <nav aria-label={t('opportunity.processBar')}>
      <ol className="process-bar">
        {opportunityStages.map((s, index) => (
          <li key={s}>
            <button
              type="button"
              className={index < current ? 'done' : ''}
              aria-current={s === stage ? 'step' : undefined}
              aria-label={
                s === stage
                  ? t(`opportunity.stages.${s}`)
                  : t('opportunity.moveTo', { stage: t(`opportunity.stages.${s}`) })
              }
              disabled={disabled}
              onClick={() => s !== stage && onMove(s)}
            >
              {t(`opportunity.stages.${s}`)}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
};
