// Adds a note, phone call, task, e-mail or appointment to a record's timeline.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegardingType } from '../../../../shared/domain/records';
import { useAction } from '../../../app/use-action';
import { Button } from '../../../ui/Button';
import { SelectField, TextArea, TextField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import type { PersonalActivityType } from '../commands';
import { personalActivityTypes, useActivityCommands } from '../commands';

type Props = { regardingType: RegardingType; regardingId: string };

export const ActivityForm = ({ regardingType, regardingId }: Props) => {
  const { t } = useTranslation();
  const commands = useActivityCommands();
  const action = useAction();
  const [type, setType] = useState<PersonalActivityType>('note');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [due, setDue] = useState('');
  const withDue = type === 'task' || type === 'appointment' || type === 'phone_call';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!subject.trim() && !body.trim()) return;
    const created = await action.run(() =>
      commands.create({
        type,
        regardingType,
        regardingId,
        subject: subject.trim() || body.trim().slice(0, 80),
        body,
        due: withDue && due ? new Date(due).toISOString() : null,
      }),
    );
    if (created) {
      setSubject('');
      setBody('');
      setDue('');
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('timeline.add')} className="form-grid">
      <SelectField
        label={t('timeline.type')}
        value={type}
        onChange={(e) => setType(e.target.value as PersonalActivityType)}
        options={personalActivityTypes.map((x) => ({ value: x, label: t(`timeline.types.${x}`) }))}
      />
      <TextField
        label={t('timeline.subject')}
        value={subject}
        onChange={(e) => setSubject(e.target.value)}
      />
      {withDue ? (
        <TextField
          label={t('timeline.due')}
          type="datetime-local"
          value={due}
          onChange={(e) => setDue(e.target.value)}
        />
      ) : null}
      <TextArea
        label={t('timeline.body')}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        wide
      />
      <div className="toolbar field-wide">
        <Button type="submit" disabled={action.busy}>
          {t('timeline.add')}
        </Button>
      </div>
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
    </form>
  );
};
