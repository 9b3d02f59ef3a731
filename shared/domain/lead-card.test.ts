import { describe, expect, it } from 'vitest';
import type { RuleContext } from './context';
import { createLead } from './lead';
import { businessCardNote, CARD_IMAGE_MAX_CHARS } from './lead-card';
import type { Lead } from './records';

const ctx: RuleContext = {
  actor: { userId: 'seller-1', role: 'seller', teamId: 't1' },
  now: '2026-12-01T09:00:00.000Z',
  newId: () => 'lead-1',
};
const made = createLead({ firstName: 'Giulia', lastName: 'Ferrari' }, ctx);
const lead = (made.ok ? made.value.writes.find((w) => w.type === 'lead')?.doc : null) as Lead;
const jpeg = `data:image/jpeg;base64,${'A'.repeat(1000)}`;

describe('businessCardNote', () => {
  it('keeps the card image in a completed note on the lead, with a stable id', () => {
    const a = businessCardNote(lead, jpeg, 'Il biglietto da visita', ctx);
    const b = businessCardNote(lead, jpeg, 'Il biglietto da visita', ctx);
    if (!a.ok || !b.ok) throw new Error('refused');
    expect(a.value).toMatchObject({
      type: 'note',
      regardingType: 'lead',
      regardingId: lead.id,
      ownerId: lead.ownerId,
      subject: 'Il biglietto da visita',
      state: 'completed',
      data: { cardImage: jpeg },
    });
    expect(a.value.id).toBe(b.value.id);
  });

  it('refuses what is not an image, and an image too large for the store', () => {
    const notImage = businessCardNote(lead, 'javascript:alert(1)', 'x', ctx);
    expect(notImage.ok).toBe(false);
    const big = businessCardNote(
      lead,
      `data:image/jpeg;base64,${'A'.repeat(CARD_IMAGE_MAX_CHARS)}`,
      'x',
      ctx,
    );
    expect(big.ok ? null : big.error.code).toBe('lead.card_image_too_large');
    if (!notImage.ok) expect(notImage.error.message.it).toContain('immagine');
  });
});
