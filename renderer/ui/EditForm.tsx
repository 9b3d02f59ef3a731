// The edit form of a record: its fields in a grid, the error of the last save, Save (once
// something changed) and Cancel. Saving runs the command; once it is stored the draft is
// cleared and the form closes.
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../shared/domain/errors';
import type { ActionState } from '../app/use-action';
import { Button } from './Button';
import { Notice } from './Notice';

type Props = {
  label: string;
  action: ActionState;
  draft: { dirty: boolean; reset: () => void };
  save: () => Promise<Result<unknown>>;
  onDone: () => void;
  children: ReactNode;
};

export const EditForm = ({ label, action, draft, save, onDone, children }: Props) => {
  const { t } = useTranslation();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await action.run(save);
    if (done !== undefined) {
      draft.reset();
      onDone();
    }
  };
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-label={label}>
      <div className="form-grid">{children}</div>
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
