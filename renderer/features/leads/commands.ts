import type { WithdrawalChannel } from '../../../shared/domain/consent';
import type { Lead, LeadDisqualifyReason } from '../../../shared/domain/records';
import type { LeadPatch } from '../../../shared/domain/lead';
import type { ParsedMail } from '../../../shared/mail/eml';
import { useServices } from '../../app/services';
import type { PartyChoice, StoreCommands } from '../../app/store-port';

export type { PartyChoice } from '../../app/store-port';

/** What the quick-capture form collects. */
export type LeadCaptureInput = Pick<
  Lead,
  | 'firstName'
  | 'lastName'
  | 'company'
  | 'email'
  | 'phone'
  | 'jobTitle'
  | 'topic'
  | 'rating'
  | 'source'
  | 'sourceDetail'
  | 'notes'
> &
  Partial<Pick<Lead, 'tradeFairId' | 'fairAnswers'>> & {
    consentGiven: boolean;
    consentWording: string;
  };

export const useLeadCommands = () => {
  const { commands } = useServices();
  const lead: StoreCommands['lead'] = commands.lead;
  return {
    create: (input: LeadCaptureInput) => {
      const { consentGiven, consentWording, ...fields } = input;
      return lead.create({
        ...fields,
        // GDPR: keep when and how consent was given, with the exact wording shown.
        consent: consentGiven
          ? {
              given: true,
              at: new Date().toISOString(),
              how: 'trade_fair_form',
              wording: consentWording,
            }
          : { given: false, at: null, how: null, wording: null },
      });
    },
    /** A lead read from a business card; consent as at the stand, when ticked. */
    createFromCard: (
      input: LeadCaptureInput & Pick<Lead, 'mobile' | 'website' | 'address'>,
      cardImage: string,
      subject: string,
    ) => {
      const { consentGiven, consentWording, ...fields } = input;
      return lead.createFromCard({
        lead: {
          ...fields,
          consent: consentGiven
            ? {
                given: true,
                at: new Date().toISOString(),
                how: 'trade_fair_form',
                wording: consentWording,
              }
            : { given: false, at: null, how: null, wording: null },
        },
        cardImage,
        subject,
      });
    },
    update: (id: string, patch: LeadPatch) => lead.update(id, patch),
    qualify: (id: string, choice: { account: PartyChoice; contact: PartyChoice }) =>
      lead.qualify(id, choice),
    disqualify: (id: string, reason: LeadDisqualifyReason) => lead.disqualify(id, reason),
    reactivate: (id: string) => lead.reactivate(id),
    withdrawConsent: (id: string, how: WithdrawalChannel) => lead.withdrawConsent(id, how),
    remove: (id: string) => lead.remove(id),
    /** An e-mailed enquiry; consent only when the seller ticked it for this sender. */
    fromEmail: (mail: ParsedMail, consentWording: string | null) =>
      lead.fromEmail({
        mail,
        consent:
          consentWording !== null
            ? { given: true, at: new Date().toISOString(), how: 'email', wording: consentWording }
            : { given: false, at: null, how: null, wording: null },
      }),
  };
};
