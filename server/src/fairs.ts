// The office's trade fairs (admin CLI `fair add|list`): checked by the same rule as a seller's
// fair (shared/domain/trade-fair.ts) and published to every device at its next sync.
import type { TradeFair } from '../../shared/domain/records';
import type { FairQuestionDraft } from '../../shared/domain/trade-fair';
import { createTradeFair, parseQuestionList } from '../../shared/domain/trade-fair';
import { newId } from './ids';
import { OFFICE_OWNER_ID, OfficeError, writeOfficeDocs } from './office';
import type { Storage } from './storage/types';

export type FairAddInput = {
  name: string;
  place?: string;
  start: string;
  end?: string;
  booth?: string;
  /** Questions on one line, see parseQuestionList. */
  questions?: string;
};

export const addFair = async (storage: Storage, input: FairAddInput): Promise<TradeFair> => {
  let questions: FairQuestionDraft[] = [];
  if (input.questions !== undefined) {
    const parsed = parseQuestionList(input.questions);
    if (!parsed.ok) throw new OfficeError(parsed.error.message.en);
    questions = parsed.value;
  }
  const made = createTradeFair(
    {
      ownerId: OFFICE_OWNER_ID,
      name: input.name,
      place: input.place,
      startDate: input.start,
      endDate: input.end ?? input.start,
      booth: input.booth,
      questions,
    },
    {
      actor: { userId: OFFICE_OWNER_ID, role: 'admin', teamId: null },
      now: new Date().toISOString(),
      newId,
    },
  );
  if (!made.ok) throw new OfficeError(`The fair was not added: ${made.error.message.en}`);
  const fair = made.value.writes[0]?.doc as TradeFair;
  await writeOfficeDocs(storage, 'tradefairs', [fair]);
  return fair;
};

/** One line per fair: days, name, place, booth, questions, and whose it is. */
export const listFairs = async (storage: Storage): Promise<string> => {
  const fairs = (await storage.allDocs('tradefairs'))
    .filter((d) => !d.deleted)
    .map((d) => d.doc as unknown as TradeFair)
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.name.localeCompare(b.name));
  if (fairs.length === 0) return 'No trade fairs yet: add one with fair add.';
  return fairs
    .map((f) =>
      [
        f.startDate === f.endDate ? f.startDate : `${f.startDate}..${f.endDate}`,
        f.name,
        f.place,
        f.booth === '' ? '' : `booth ${f.booth}`,
        `${f.questions.length} questions`,
        f.ownerId === OFFICE_OWNER_ID ? 'office' : 'seller',
      ].join('\t'),
    )
    .join('\n');
};
