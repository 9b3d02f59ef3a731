// Asks before a deletion; shows the store's refusal (in the user's language) if it comes.
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';
import { Notice } from './Notice';

type Props = {
  title: string;
  text: string;
  error: string | null;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
};

export const ConfirmDeleteDialog = ({ title, text, error, busy, onConfirm, onClose }: Props) => {
  const { t } = useTranslation();
  return (
    <Dialog
      title={title}
      onClose={onClose}
      onSubmit={onConfirm}
      submitLabel={t('common.delete')}
      submitVariant="danger"
      cancelLabel={t('common.cancel')}
      submitDisabled={busy}
    >
      <p>{text}</p>
      {error ? <Notice kind="error">{error}</Notice> : null}
    </Dialog>
  );
};
