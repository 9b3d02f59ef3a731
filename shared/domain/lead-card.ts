// A business card kept with the lead it became: a note on the lead's timeline holding the
// compressed card image, small enough for the device store and for sync.
import type { RuleContext } from './context';
import type { Result } from './errors';
import { fail, ok } from './errors';
import { derivedId } from './ids';
import type { Activity, Lead } from './records';
import { created } from './rule-kit';

/** ≈ 110 KB of JPEG: an 800-pixel card at medium quality fits several times over. */
export const CARD_IMAGE_MAX_CHARS = 150_000;

/** `subject` is the note's title in the seller's language. */
export const businessCardNote = (
  lead: Lead,
  cardImage: string,
  subject: string,
  ctx: RuleContext,
): Result<Activity> => {
  if (!/^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/=]+$/.test(cardImage)) {
    return fail(
      'lead.card_image_invalid',
      'The card image could not be kept: it is not a picture.',
      "Non è stato possibile conservare l'immagine del biglietto: non è un'immagine.",
    );
  }
  if (cardImage.length > CARD_IMAGE_MAX_CHARS) {
    return fail(
      'lead.card_image_too_large',
      'The card image is too large to keep with the lead.',
      "L'immagine del biglietto è troppo grande per essere conservata con il lead.",
    );
  }
  return ok({
    ...created(ctx, derivedId(lead.id, 'activity:business_card'), lead.ownerId),
    type: 'note',
    regardingType: 'lead',
    regardingId: lead.id,
    subject: subject.slice(0, 300),
    body: '',
    event: null,
    data: { cardImage },
    due: null,
    completedAt: ctx.now,
    state: 'completed',
    occurredAt: ctx.now,
  });
};
