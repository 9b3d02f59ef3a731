// An inline message; errors are announced to screen readers as alerts.
import type { ReactNode } from 'react';

export const Notice = ({
  kind,
  children,
}: {
  kind: 'error' | 'info' | 'success';
  children: ReactNode;
}) => (
  <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
    {children}
  </div>
);
