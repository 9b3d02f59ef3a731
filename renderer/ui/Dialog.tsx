// A modal dialog on the native <dialog> element: focus trap, Escape and inert background
// come from the browser.
import { useEffect, useId, useRef } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Button } from './Button';

type Props = {
  title: string;
  onClose: () => void;
  /** When given, the dialog is a form and this runs on submit (Enter). */
  onSubmit?: () => void;
  submitLabel?: string;
  cancelLabel: string;
  submitDisabled?: boolean;
  submitVariant?: 'primary' | 'danger';
  children: ReactNode;
  wide?: boolean;
};

export const Dialog = ({
  title,
  onClose,
  onSubmit,
  submitLabel,
  cancelLabel,
  submitDisabled,
  submitVariant = 'primary',
  children,
  wide,
}: Props) => {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!submitDisabled) onSubmit?.();
  };
  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' dialog-wide' : ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form method="dialog" onSubmit={submit}>
        <h2 id={titleId}>{title}</h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-actions">
          <Button onClick={onClose}>{cancelLabel}</Button>
          {onSubmit && submitLabel ? (
            <Button type="submit" variant={submitVariant} disabled={submitDisabled}>
              {submitLabel}
            </Button>
          ) : null}
        </div>
      </form>
    </dialog>
  );
};
