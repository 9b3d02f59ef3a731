import type { ButtonHTMLAttributes } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant };

/** A button; its visible text is its accessible name unless aria-label says otherwise. */
export const Button = ({ variant = 'secondary', className, type, ...rest }: Props) => (
  <button
    type={type ?? 'button'}
    className={`btn btn-${variant}${className ? ` ${className}` : ''}`}
    {...rest}
  />
);
