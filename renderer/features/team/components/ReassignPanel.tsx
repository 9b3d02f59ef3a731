// A manager gives the record to another seller of the team. The new owner gets it at their
// next sync; the previous owner's device removes it at theirs. Sellers do not see this.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReassignableType } from '../../../../shared/domain/reassign';
import { useServices } from '../../../app/services';
import { useAction } from '../../../app/use-action';
import { Button } from '../../../ui/Button';
import { Notice } from '../../../ui/Notice';
import { useRecordCommands } from '../commands';
import { useAssignableSellers } from '../queries';

export const ReassignPanel = ({
  type,
  id,
  ownerId,
}: {
  type: ReassignableType;
  id: string;
  ownerId: string;
}) => {
  const { user } = useServices();
  if (user.role === 'seller') return null;
  return <ReassignForm type={type} id={id} ownerId={ownerId} />;
};

const ReassignForm = ({
  type,
  id,
  ownerId,
}: {
  type: ReassignableType;
  id: string;
  ownerId: string;
}) => {
  const { t } = useTranslation();
  const sellers = useAssignableSellers();
  const commands = useRecordCommands();
  const action = useAction();
  const [to, setTo] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const others = (sellers ?? []).filter((s) => s.userId !== ownerId);
  const reassign = async () => {
    setDone(null);
    const target = others.find((s) => s.userId === to);
    if (target === undefined) return;
    const result = await action.run(() => commands.reassign(type, id, target.userId));
    if (result !== undefined) {
      setDone(t('reassign.done', { name: target.name }));
      setTo('');
    }
  };
  return (
    <section className="panel" aria-labelledby={`reassign-${id}`}>
      <h2 id={`reassign-${id}`}>{t('reassign.title')}</h2>
      {others.length === 0 ? (
        <p className="hint">{t('reassign.none')}</p>
      ) : (
        <div className="toolbar">
          <label>
            {t('reassign.to')}{' '}
            <select value={to} onChange={(e) => setTo(e.target.value)}>
              <option value="">—</option>
              {others.map((s) => (
                <option key={s.userId} value={s.userId}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <Button onClick={() => void reassign()} disabled={to === '' || action.busy}>
            {t('reassign.button')}
          </Button>
        </div>
      )}
      {type === 'opportunity' && others.length > 0 && (
        <p className="hint">{t('reassign.papers')}</p>
      )}
      {done !== null && <Notice kind="success">{done}</Notice>}
      {action.error !== null && <Notice kind="error">{action.error}</Notice>}
    </section>
  );
};
