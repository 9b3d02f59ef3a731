// GDPR consent withdrawal (Art. 7(3)): as easy as giving it, one action on the lead or the
// contact. The consent record then says when and how it was withdrawn, and keeps the wording
// the person had agreed to; the timeline event keeps the consent as it was.
import type { Regarding } from './activity';
import { systemActivity } from './activity';
import type { RuleContext } from './context';
import type { Effects } from './effects';
import { write } from './effects';
import type { Result } from './errors';
import { fail, ok } from './errors';
import type { Consent, Contact, Lead } from './records';
import { touched } from './rule-kit';

/** How the person told us they withdraw. */
export const withdrawalChannels = ['in_person', 'phone', 'email', 'letter'] as const;
export type WithdrawalChannel = (typeof withdrawalChannels)[number];

const withdrawnPrefix = 'withdrawn_';

/** Not given, with the moment it stopped being given: the person withdrew it. */
export const isConsentWithdrawn = (consent: Consent | undefined): boolean =>
  consent !== undefined &&
  !consent.given &&
  consent.at !== null &&
  (consent.how ?? '').startsWith(withdrawnPrefix);

/** The channel of a withdrawn consent, e.g. `phone`. */
export const withdrawalChannel = (consent: Consent | undefined): WithdrawalChannel | null => {
  if (!isConsentWithdrawn(consent)) return null;
  const how = (consent?.how ?? '').slice(withdrawnPrefix.length);
  return withdrawalChannels.find((c) => c === how) ?? null;
};

export const consentWithdrawnEvent = 'consent.withdrawn';

type Person = { type: 'lead'; record: Lead } | { type: 'contact'; record: Contact };

export const withdrawConsent = (
  person: Person,
  how: WithdrawalChannel,
  ctx: RuleContext,
): Result<Effects> => {
  if (!withdrawalChannels.includes(how))
    return fail(
      'consent.unknown_channel',
      'Say how the person withdrew consent: in person, by phone, by email or by letter.',
      'Indica come la persona ha revocato il consenso: di persona, per telefono, per email o per lettera.',
      'consent',
    );
  const previous = person.record.consent;
  if (isConsentWithdrawn(previous))
    return fail(
      'consent.already_withdrawn',
      'Consent was already withdrawn.',
      'Il consenso è già stato revocato.',
      'consent',
    );
  const consent: Consent = {
    given: false,
    at: ctx.now,
    how: `${withdrawnPrefix}${how}`,
    wording: previous?.wording ?? null,
  };
  const regarding: Regarding = {
    type: person.type,
    id: person.record.id,
    ownerId: person.record.ownerId,
  };
  const activity = systemActivity(
    ctx,
    regarding,
    consentWithdrawnEvent,
    consentWithdrawnEvent,
    { how, previous: previous ?? null },
    ctx.newId(),
  );
  const next = { ...person.record, ...touched(ctx), consent };
  return ok({
    writes: [
      write('activity', activity),
      person.type === 'lead' ? write('lead', next as Lead) : write('contact', next as Contact),
    ],
  });
};
