// Labelled form controls: every control has a visible <label> bound to it by id.
import { useId } from 'react';
import type { ComponentProps, ReactNode } from 'react';

type FieldShell = { label: string; hint?: string; error?: string | null; wide?: boolean };

const Shell = ({
  id,
  label,
  hint,
  error,
  wide,
  required,
  children,
}: FieldShell & { id: string; required?: boolean; children: ReactNode }) => (
  <div className={`field${wide ? ' field-wide' : ''}${error ? ' field-error' : ''}`}>
    <label htmlFor={id}>
      {label}
      {required ? <span aria-hidden="true"> *</span> : null}
    </label>
    {children}
    {hint ? (
      <small id={`${id}-hint`} className="hint">
        {hint}
      </small>
    ) : null}
    {error ? (
      <small id={`${id}-error`} className="error" role="alert">
        {error}
      </small>
    ) : null}
  </div>
);

const describedBy = (id: string, hint?: string, error?: string | null): string | undefined =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export const TextField = ({
  label,
  hint,
  error,
  wide,
  ...input
}: FieldShell & ComponentProps<'input'>) => {
  const id = useId();
  return (
    <Shell id={id} label={label} hint={hint} error={error} wide={wide} required={input.required}>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        // The browser keeps typed values for autofill in its profile, outside the encrypted
        // store: names, companies and notes must not land there. Sign-in fields opt back in.
        autoComplete="off"
        {...input}
      />
    </Shell>
  );
};

/** The user's own password, which the browser's password manager may fill in. */
export const PasswordField = (props: FieldShell & Omit<ComponentProps<'input'>, 'type'>) => (
  <TextField type="password" autoComplete="current-password" required {...props} />
);

export const TextArea = ({
  label,
  hint,
  error,
  wide,
  ...input
}: FieldShell & ComponentProps<'textarea'>) => {
  const id = useId();
  return (
    <Shell id={id} label={label} hint={hint} error={error} wide={wide} required={input.required}>
      <textarea
        id={id}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </Shell>
  );
};

export type Option = { value: string; label: string };

export const SelectField = ({
  label,
  hint,
  error,
  wide,
  options,
  ...select
}: FieldShell & ComponentProps<'select'> & { options: readonly Option[] }) => {
  const id = useId();
  return (
    <Shell id={id} label={label} hint={hint} error={error} wide={wide} required={select.required}>
      <select id={id} aria-describedby={describedBy(id, hint, error)} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
};

export const CheckboxField = ({
  label,
  hint,
  wide,
  ...input
}: Omit<FieldShell, 'error'> & ComponentProps<'input'>) => {
  const id = useId();
  return (
    <div className={`field field-check${wide ? ' field-wide' : ''}`}>
      <input
        id={id}
        type="checkbox"
        aria-describedby={hint ? `${id}-hint` : undefined}
        {...input}
      />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      ) : null}
    </div>
  );
};

/** A read-only label/value pair for detail views. */
export const ReadField = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="read-field">
    <dt>{label}</dt>
    <dd>{children === '' || children == null ? '—' : children}</dd>
  </div>
);
