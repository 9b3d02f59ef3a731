// Editing a contact on the device (its owner, or a manager): name, job title, email, phones.
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../shared/domain/records';
import { useAction } from '../../../app/use-action';
import { useDraft } from '../../../app/use-draft';
import { bindText } from '../../../ui/bind-field';
import { EditForm } from '../../../ui/EditForm';
import { TextField } from '../../../ui/Field';
import { useContactCommands } from '../commands';

type Editable = Pick<Contact, 'firstName' | 'lastName' | 'jobTitle' | 'email' | 'phone' | 'mobile'>;
const fields = ['firstName', 'lastName', 'jobTitle', 'email', 'phone', 'mobile'] as const;

export const ContactForm = ({ contact, onDone }: { contact: Contact; onDone: () => void }) => {
  const { t } = useTranslation();
  const commands = useContactCommands();
  const action = useAction();
  const draft = useDraft<Editable>(contact);
  const field = bindText(draft.value, draft.set);
  return (
    <EditForm
      label={t('contact.edit')}
      action={action}
      draft={draft}
      save={() => commands.update(contact.id, draft.changed)}
      onDone={onDone}
    >
      {fields.map((key) => (
        <TextField
          key={key}
          label={t(`common.${key}`)}
          type={key === 'email' ? 'email' : 'text'}
          {...field(key)}
          error={action.errorField === key ? action.error : null}
        />
      ))}
    </EditForm>
  );
};
