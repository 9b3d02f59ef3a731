// Editing a contact on the device (its owner, or a manager): name, job title, email, phones.
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../shared/domain/records';
import { useAction } from '../../../app/use-action';
import { useDraft } from '../../../app/use-draft';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { useContactCommands } from '../commands';

type Editable = Pick<Contact, 'firstName' | 'lastName' | 'jobTitle' | 'email' | 'phone' | 'mobile'>;
const fields = ['firstName', 'lastName', 'jobTitle', 'email', 'phone', 'mobile'] as const;

export const ContactForm = ({ contact, onDone }: { contact: Contact; onDone: () => void }) => {
  const { t } = useTranslation();
  const commands = useContactCommands();
  const action = useAction();
  const draft = useDraft<Editable>(contact);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const done = await action.run(() => commands.update(contact.id, draft.changed));
    if (done !== undefined) {
      draft.reset();
      onDone();
    }
  };
  return (
    <form className="panel" onSubmit={(e) => void save(e)} aria-label={t('contact.edit')}>
      <div className="form-grid">
        {fields.map((field) => (
          <TextField
            key={field}
            label={t(`common.${field}`)}
            type={field === 'email' ? 'email' : 'text'}
            value={draft.value[field]}
            error={action.errorField === field ? action.error : null}
            onChange={(e) => draft.set(field, e.target.value)}
          />
        ))}
      </div>
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      <div className="toolbar">
        <Button type="submit" variant="primary" disabled={!draft.dirty || action.busy}>
          {t('common.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
};
