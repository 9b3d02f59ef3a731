// A record's timeline, newest first: notes, calls, tasks, appointments and system events.
import { useTranslation } from 'react-i18next';
import type { Activity, RegardingType } from '../../../../shared/domain/records';
import { useAction } from '../../../app/use-action';
import { useFormat } from '../../../i18n/use-format';
import { Button } from '../../../ui/Button';
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

const TimelineItem = ({ activity }: { activity: Activity }) => {
  const { t } = useTranslation();
  const fmt = useFormat();
  const commands = useActivityCommands();
  const action = useAction();
  const canComplete =
    (activity.type === 'task' ||
      activity.type === 'phone_call' ||
      activity.type === 'appointment') &&
    activity.state === 'open';
  return (
    <li className={activity.type === 'system' ? 'system' : ''}>
      <div className="meta">
        {t(`timeline.types.${activity.type}`)} · {fmt.dateTime(activity.occurredAt)}
        {activity.due ? ` · ${t('timeline.due')} ${fmt.dateTime(activity.due)}` : ''}
        {activity.state === 'completed' ? ` · ${t('timeline.completed')}` : ''}
      </div>
      <strong>
        {activity.type === 'system' && activity.event
          ? t(`timeline.events.${activity.event.replace('.', '_')}`, {
              defaultValue: activity.subject,
            })
          : activity.subject}
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
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
    </li>
  );
};
