import type { Lead } from '../../../shared/domain/records';
import { personName } from '../../../shared/domain/person-name';

/** How a lead is named in lists and titles: the person, else the company, else the email. */
export const leadName = (
  lead: Pick<Lead, 'firstName' | 'lastName' | 'company' | 'email'>,
): string => personName(lead) || lead.company || lead.email || '—';

export const ratingTone: Record<Lead['rating'], string> = {
  hot: 'danger',
  warm: 'warn',
  cold: 'info',
};

export const leadStateTone: Record<Lead['state'], string> = {
  open: 'info',
  qualified: 'ok',
  disqualified: 'neutral',
};
