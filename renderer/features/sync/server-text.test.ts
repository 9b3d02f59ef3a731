import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import itLocale from '../../i18n/it.json';
import type { RejectionCode } from '../../../shared/sync/protocol';
import { correctionPlace, fieldToCorrect, rejectionText } from './server-text';

const codes: RejectionCode[] = [
  'invalid_document',
  'illegal_change',
  'forbidden',
  'read_only',
  'not_owner',
  'wrong_collection',
];

describe('the rejected-changes panel in the UI language', () => {
  beforeAll(async () => {
    await i18next.init({
      resources: { en: { translation: en }, it: { translation: itLocale } },
      lng: 'it',
      fallbackLng: 'en',
      initAsync: false,
    });
  });

  const refusal = {
    code: 'not_owner' as const,
    message: 'You can only create records that you own.',
    messages: {
      en: 'You can only create records that you own.',
      it: 'Puoi creare solo record di cui sei il proprietario.',
    },
  };

  it("shows the server's words in the language of the UI", () => {
    const it = i18next.getFixedT('it');
    expect(rejectionText(refusal, 'it', it)).toBe(refusal.messages.it);
    expect(rejectionText(refusal, 'en', i18next.getFixedT('en'))).toBe(refusal.messages.en);
  });

  it('explains a refusal kept before the server sent Italian by its code, never in English', () => {
    const t = i18next.getFixedT('it');
    for (const code of codes) {
      const text = rejectionText({ code, message: 'Some English reason.' }, 'it', t);
      expect(text).not.toBe('Some English reason.');
      expect(text).toBe((itLocale.sync.rejectionCodes as Record<string, string>)[code]);
    }
    // English keeps the server's own, more precise words.
    expect(rejectionText({ code: 'forbidden', message: 'Exact reason.' }, 'en', t)).toBe(
      'Exact reason.',
    );
    // A code this version does not know: the server's English words rather than nothing.
    const unknown = { code: 'from_the_future' as RejectionCode, message: 'Future reason.' };
    expect(rejectionText(unknown, 'it', t)).toBe('Future reason.');
  });

  it('names the field to correct as the form labels it', () => {
    const t = i18next.getFixedT('it');
    expect(fieldToCorrect('lastName', t)).toBe('Campo da correggere: Cognome');
    expect(fieldToCorrect('ownerId', i18next.getFixedT('en'))).toBe('Field to correct: Owner');
    expect(fieldToCorrect('lines.0.amount', t)).toBeNull();
    expect(fieldToCorrect(undefined, t)).toBeNull();
  });

  it('opens the refused record where the seller corrects it', () => {
    expect(correctionPlace({ collection: 'leads', id: 'l1', document: {} })).toEqual({
      section: 'leads',
      id: 'l1',
    });
    expect(correctionPlace({ collection: 'invoices', id: 'i1', document: {} })).toEqual({
      section: 'invoices',
      id: 'i1',
    });
    // A timeline entry is corrected on the record it is about.
    const note = { regardingType: 'opportunity', regardingId: 'o1' };
    expect(correctionPlace({ collection: 'activities', id: 'a1', document: note })).toEqual({
      section: 'opportunities',
      id: 'o1',
    });
    expect(correctionPlace({ collection: 'activities', id: 'a2', document: {} })).toBeNull();
    expect(correctionPlace({ collection: 'products', id: 'p1', document: {} })).toBeNull();
  });
});
