// A record's timeline, newest first: notes, calls, tasks, appointments and system events;
// the user's own entries can be deleted, system events never.
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity, RegardingType } from '../../../../shared/domain/records';
import { opportunityStages } from '../../../../shared/domain/records';
import { canRun } from '../../../../shared/domain/lifecycle-moves';
import { useAction } from '../../../app/use-action';
import { useMayDelete } from '../../../app/use-may-delete';
import { useFormat } from '../../../i18n/use-format';
import { Button } from '../../../ui/Button';
import { ConfirmDeleteDialog } from '../../../ui/ConfirmDeleteDialog';
import { Notice } from '../../../ui/Notice';
import { useActivityCommands } from '../commands';
import { useTimeline } from '../queries';
import { ActivityForm } from './ActivityForm';

type Props = { regardingType: RegardingType; regardingId: string };

export const Timeline = ({ regardingType, regardingId }: Props) => {
  const { t } = useTranslation();
  const activities = useTimeline(regardingType, regardingId);
  const titleId = `timeline-${regardingId}`;
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('timeline.title')}</h2>
      <ActivityForm regardingType={regardingType} regardingId={regardingId} />
      {activities === undefined ? <p>{t('app.loading')}</p> : null}
      {activities?.length === 0 ? <p className="hint">{t('timeline.empty')}</p> : null}
      <ol className="timeline" aria-label={t('timeline.title')}>
        {(activities ?? []).map((a) => (
          <TimelineItem key={a.id} activity={a} />
        ))}
      </ol>
    </section>
  );
};

// What a system event says: a stage change names the stages it went from and to.
const eventText = (activity: Activity, t: TFunction): string => {
  const event = activity.event ?? '';
  const data = activity.data ?? {};
  const stage = (value: unknown): string | null =>
    typeof value === 'string' && (opportunityStages as readonly string[]).includes(value)
      ? t(`opportunity.stages.${value}`)
      : null;
  const from = stage(data.from);
  const to = stage(data.to);
  if (event === 'opportunity.stage_changed' && from !== null && to !== null) {
    return t('timeline.stageChangedFromTo', { from, to });
  }
  return t(`timeline.events.${event.replace('.', '_')}`, { defaultValue: activity.subject });
};

const TimelineItem = ({ activity }: { activity: Activity }) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const commands = useActivityCommands();
  const action = useAction();
  // System events and others' entries offer no Delete (shared/domain/deletion.ts).
  const deletable = useMayDelete('activity', activity);
  const [confirming, setConfirming] = useState(false);
  const canComplete =
    (activity.type === 'task' ||
      activity.type === 'phone_call' ||
      activity.type === 'appointment') &&
    canRun('activity', 'completeActivity', activity);
  return (
    <li className={activity.type === 'system' ? 'system' : ''}>
      <div className="meta">
        {t(`timeline.types.${activity.type}`)} · {fmt.dateTime(activity.occurredAt)}
        {activity.due ? ` · ${t('timeline.due')} ${fmt.dateTime(activity.due)}` : ''}
        {activity.state === 'completed' ? ` · ${t('timeline.completed')}` : ''}
      </div>
      <strong>
        {activity.type === 'system' && activity.event ? eventText(activity, t) : activity.subject}
      </strong>
      {activity.type === 'system' && activity.event && activity.subject !== activity.event ? (
        <span className="hint"> · {activity.subject}</span>
      ) : null}
      {activity.body ? <p>{activity.body}</p> : null}
      {typeof activity.data?.cardImage === 'string' &&
      activity.data.cardImage.startsWith('data:image/') ? (
        <img className="card-image" src={activity.data.cardImage} alt={t('card.image')} />
      ) : null}
      {canComplete ? (
        <Button
          variant="ghost"
          onClick={() => void action.run(() => commands.complete(activity.id))}
          aria-label={`${t('timeline.complete')}: ${activity.subject}`}
        >
          {t('timeline.complete')}
        </Button>
      ) : null}
      {deletable ? (
        <Button
          variant="ghost"
          onClick={() => setConfirming(true)}
          aria-label={`${t('common.delete')}: ${activity.subject}`}
        >
          {t('common.delete')}
        </Button>
      ) : null}
      {confirming ? (
        <ConfirmDeleteDialog
          title={t('timeline.deleteTitle')}
          text={t('timeline.deleteConfirm')}
          error={action.error}
          busy={action.busy}
          onConfirm={() => void action.run(() => commands.remove(activity.id))}
          onClose={() => setConfirming(false)}
        />
      ) : null}
      {action.error && !confirming ? <Notice kind="error">{action.error}</Notice> : null}
    </li>
  );
};
