// Open opportunities by stage. Drag a card to another column (or focus it and press ←/→)
// to move its stage; the stage gates are checked by the store and shown when they refuse.
import { useState } from 'react';
import type { DragEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Opportunity, OpportunityStage } from '../../../../shared/domain/records';
import { opportunityStages } from '../../../../shared/domain/records';
import { navigate } from '../../../app/router';
import { useAction } from '../../../app/use-action';
import { useFormat } from '../../../i18n/use-format';
import { Notice } from '../../../ui/Notice';
import { AccountName } from '../../accounts/components/AccountName';
import { useOpportunityCommands } from '../commands';
import { usePipeline } from '../queries';

export const PipelineBoard = () => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const pipeline = usePipeline();
  const commands = useOpportunityCommands();
  const action = useAction();
  const [dropTarget, setDropTarget] = useState<OpportunityStage | null>(null);
  const [moved, setMoved] = useState<string | null>(null);

  const move = async (o: Opportunity, stage: OpportunityStage) => {
    if (o.stage === stage) return;
    setMoved(null);
    const done = await action.run(() => commands.moveStage(o.id, stage));
    if (done !== undefined)
      setMoved(t('opportunity.moved', { topic: o.topic, stage: t(`opportunity.stages.${stage}`) }));
  };
  const onDrop = (event: DragEvent, stage: OpportunityStage) => {
    event.preventDefault();
    setDropTarget(null);
    const id = event.dataTransfer.getData('text/plain');
    const o = pipeline?.columns.flatMap((c) => c.opportunities).find((x) => x.id === id);
    if (o) void move(o, stage);
  };
  const onCardKey = (event: KeyboardEvent, o: Opportunity) => {
    const index = opportunityStages.indexOf(o.stage);
    const next =
      event.key === 'ArrowRight'
        ? opportunityStages[index + 1]
        : event.key === 'ArrowLeft'
          ? opportunityStages[index - 1]
          : undefined;
    if (next) {
      event.preventDefault();
      void move(o, next);
    } else if (event.key === 'Enter') navigate('opportunities', o.id);
  };

  return (
    <section className="page" aria-labelledby="pipeline-title">
      <div className="page-head">
        <h1 id="pipeline-title">{t('opportunity.pipelineTitle')}</h1>
        <span className="hint">{t('opportunity.pipelineHint')}</span>
      </div>
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      {moved ? <Notice kind="success">{moved}</Notice> : null}
      <div className="board" aria-label={t('opportunity.pipelineBoard')} role="group">
        {opportunityStages.map((stage) => {
          const column = pipeline?.columns.find((c) => c.stage === stage);
          const headingId = `stage-${stage}`;
          return (
            <section
              key={stage}
              className={`board-column${dropTarget === stage ? ' drop' : ''}`}
              aria-labelledby={headingId}
              onDragOver={(e) => {
                e.preventDefault();
                setDropTarget(stage);
              }}
              onDragLeave={() => setDropTarget(null)}
              onDrop={(e) => onDrop(e, stage)}
            >
              <h2 id={headingId}>{t(`opportunity.stages.${stage}`)}</h2>
              <span className="hint">
                {t('opportunity.stageTotal', {
                  count: column?.opportunities.length ?? 0,
                  amount: fmt.money(column?.total ?? 0, pipeline?.currency ?? 'EUR'),
                })}
              </span>
              <ul className="candidates">
                {(column?.opportunities ?? []).map((o) => (
                  <li
                    key={o.id}
                    className="board-card"
                    draggable
                    tabIndex={0}
                    aria-label={`${o.topic}, ${fmt.money(o.estimatedRevenue, o.currency)}`}
                    onDragStart={(e) => e.dataTransfer.setData('text/plain', o.id)}
                    onKeyDown={(e) => onCardKey(e, o)}
                    onDoubleClick={() => navigate('opportunities', o.id)}
                  >
                    <strong>{o.topic}</strong>
                    <p>
                      {o.accountId ? (
                        <>
                          <AccountName id={o.accountId} /> ·{' '}
                        </>
                      ) : null}
                      {fmt.money(o.estimatedRevenue, o.currency)}
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
};
