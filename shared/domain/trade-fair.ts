// Trade fairs (fair mode): a fair's name, place, dates and booth, and the qualifying
// questions asked at the booth. While a fair is current, every capture is tagged with it and
// its answers are checked here against the fair's questions.
import type { RuleContext } from './context';
import type { Effects } from './effects';
import { write } from './effects';
import type { Result } from './errors';
import { fail, ok } from './errors';
import type { FairAnswer, FairQuestion, FairQuestionKind, TradeFair } from './records';
import { fairQuestionKinds } from './records';
import { created, firstError, isDate, touched } from './rule-kit';

/** A question as typed: a new one has no id yet. */
export type FairQuestionDraft = Omit<FairQuestion, 'id'> & { id?: string };

export type TradeFairInput = {
  id?: string;
  ownerId?: string;
  name: string;
  place?: string;
  startDate: string;
  endDate: string;
  booth?: string;
  questions?: readonly FairQuestionDraft[];
};

export type TradeFairPatch = Partial<Omit<TradeFairInput, 'id' | 'ownerId'>>;

/** The kinds whose answer is picked from `options`. */
export const isChoiceKind = (kind: FairQuestionKind): boolean =>
  kind === 'one_choice' || kind === 'several_choices';

const checkQuestion = (q: FairQuestionDraft, n: number): Result<void> => {
  const where = `questions.${n}`;
  if (q.label.trim() === '') {
    return fail(
      'fair.question_label_required',
      `Question ${n + 1} needs a label.`,
      `La domanda ${n + 1} richiede un testo.`,
      where,
    );
  }
  if (!fairQuestionKinds.includes(q.kind)) {
    return fail(
      'fair.question_kind_invalid',
      `Question "${q.label}" has an unknown kind: use ${fairQuestionKinds.join(', ')}.`,
      `La domanda "${q.label}" ha un tipo sconosciuto: usa ${fairQuestionKinds.join(', ')}.`,
      where,
    );
  }
  const options = q.options.map((o) => o.trim());
  if (isChoiceKind(q.kind) && options.filter(Boolean).length < 2) {
    return fail(
      'fair.question_options_required',
      `Question "${q.label}" is a choice: give it at least two options.`,
      `La domanda "${q.label}" è una scelta: indica almeno due opzioni.`,
      where,
    );
  }
  if (!isChoiceKind(q.kind) && options.length > 0) {
    return fail(
      'fair.question_options_unused',
      `Question "${q.label}" has options, but only choice questions take them.`,
      `La domanda "${q.label}" ha delle opzioni, ma solo le domande a scelta le prevedono.`,
      where,
    );
  }
  if (new Set(options).size !== options.length || options.some((o) => o === '')) {
    return fail(
      'fair.question_options_repeated',
      `The options of "${q.label}" must be different and not empty.`,
      `Le opzioni di "${q.label}" devono essere diverse e non vuote.`,
      where,
    );
  }
  return ok(undefined);
};

/** A fair's own rules: a name, real dates that end on or after they start, sound questions. */
export const checkTradeFair = (fair: Omit<TradeFairInput, 'id' | 'ownerId'>): Result<void> =>
  firstError(
    fair.name.trim() === ''
      ? fail(
          'fair.name_required',
          'Enter the name of the fair.',
          'Inserisci il nome della fiera.',
          'name',
        )
      : ok(undefined),
    isDate(fair.startDate)
      ? ok(undefined)
      : fail(
          'fair.start_invalid',
          'Enter the first day of the fair as a date.',
          'Inserisci il primo giorno della fiera come data.',
          'startDate',
        ),
    isDate(fair.endDate)
      ? ok(undefined)
      : fail(
          'fair.end_invalid',
          'Enter the last day of the fair as a date.',
          "Inserisci l'ultimo giorno della fiera come data.",
          'endDate',
        ),
    fair.endDate < fair.startDate
      ? fail(
          'fair.ends_before_start',
          'The fair cannot end before it starts.',
          'La fiera non può finire prima di iniziare.',
          'endDate',
        )
      : ok(undefined),
    new Set((fair.questions ?? []).map((q) => q.id).filter(Boolean)).size !==
      (fair.questions ?? []).filter((q) => q.id).length
      ? fail(
          'fair.question_id_repeated',
          'Two questions have the same id.',
          'Due domande hanno lo stesso identificativo.',
          'questions',
        )
      : ok(undefined),
    ...(fair.questions ?? []).map(checkQuestion),
  );

const questionsOf = (drafts: readonly FairQuestionDraft[], ctx: RuleContext): FairQuestion[] =>
  drafts.map((q) => ({
    // A question keeps its id across edits, so answers already given stay attached.
    id: q.id ?? ctx.newId(),
    kind: q.kind,
    label: q.label.trim(),
    options: q.options.map((o) => o.trim()),
  }));

export const createTradeFair = (input: TradeFairInput, ctx: RuleContext): Result<Effects> => {
  const check = checkTradeFair(input);
  if (!check.ok) return check;
  const fair: TradeFair = {
    ...created(ctx, input.id ?? ctx.newId(), input.ownerId),
    name: input.name.trim(),
    place: (input.place ?? '').trim(),
    startDate: input.startDate,
    endDate: input.endDate,
    booth: (input.booth ?? '').trim(),
    questions: questionsOf(input.questions ?? [], ctx),
  };
  return ok({ writes: [write('tradefair', fair)] });
};

export const updateTradeFair = (
  fair: TradeFair,
  patch: TradeFairPatch,
  ctx: RuleContext,
): Result<Effects> => {
  const next = {
    name: patch.name ?? fair.name,
    place: patch.place ?? fair.place,
    startDate: patch.startDate ?? fair.startDate,
    endDate: patch.endDate ?? fair.endDate,
    booth: patch.booth ?? fair.booth,
    questions: patch.questions ?? fair.questions,
  };
  const check = checkTradeFair(next);
  if (!check.ok) return check;
  const doc: TradeFair = {
    ...fair,
    ...touched(ctx),
    name: next.name.trim(),
    place: next.place.trim(),
    startDate: next.startDate,
    endDate: next.endDate,
    booth: next.booth.trim(),
    questions: questionsOf(next.questions, ctx),
  };
  return ok({ writes: [write('tradefair', doc)] });
};

/** Whether nothing was answered (an empty text, no choice): such answers are not kept. */
export const isBlankAnswer = (value: FairAnswer['value']): boolean =>
  value === '' || (Array.isArray(value) && value.length === 0);

const wrongAnswer = (q: FairQuestion, en: string, it: string): Result<never> =>
  fail('fair.answer_invalid', `"${q.label}": ${en}`, `"${q.label}": ${it}`, 'fairAnswers');

const checkAnswer = (q: FairQuestion, value: FairAnswer['value']): Result<void> => {
  switch (q.kind) {
    case 'yes_no':
      return typeof value === 'boolean'
        ? ok(undefined)
        : wrongAnswer(q, 'answer yes or no.', 'rispondi sì o no.');
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? ok(undefined)
        : wrongAnswer(q, 'enter a number.', 'inserisci un numero.');
    case 'text':
      return typeof value === 'string'
        ? ok(undefined)
        : wrongAnswer(q, 'enter a text.', 'inserisci un testo.');
    case 'one_choice':
      return typeof value === 'string' && q.options.includes(value)
        ? ok(undefined)
        : wrongAnswer(q, 'choose one of the options.', 'scegli una delle opzioni.');
    case 'several_choices':
      return Array.isArray(value) && value.every((v) => q.options.includes(v))
        ? ok(undefined)
        : wrongAnswer(q, 'choose among the options.', 'scegli tra le opzioni.');
  }
};

/**
 * The answers checked against the fair's questions, in the questions' order; blank answers
 * are dropped. An answer to a question the fair does not ask is refused.
 */
export const checkFairAnswers = (
  fair: TradeFair,
  answers: readonly FairAnswer[],
): Result<FairAnswer[]> => {
  const byId = new Map(fair.questions.map((q) => [q.id, q]));
  for (const a of answers) {
    const q = byId.get(a.questionId);
    if (q === undefined) {
      return fail(
        'fair.answer_unknown_question',
        `The fair ${fair.name} does not ask that question.`,
        `La fiera ${fair.name} non prevede questa domanda.`,
        'fairAnswers',
      );
    }
    if (isBlankAnswer(a.value)) continue;
    const check = checkAnswer(q, a.value);
    if (!check.ok) return check;
  }
  const given = new Map(
    answers.filter((a) => !isBlankAnswer(a.value)).map((a) => [a.questionId, a]),
  );
  return ok(fair.questions.flatMap((q) => given.get(q.id) ?? []));
};

/** Whether the fair runs on `date` (YYYY-MM-DD), first and last day included. */
export const isFairOn = (fair: Pick<TradeFair, 'startDate' | 'endDate'>, date: string): boolean =>
  fair.startDate <= date && date <= fair.endDate;

/** Fairs for a picker: those running today first, then the coming ones, then past ones. */
export const fairsForPicker = <T extends Pick<TradeFair, 'startDate' | 'endDate' | 'name'>>(
  fairs: readonly T[],
  today: string,
): T[] => {
  const rank = (f: T) => (isFairOn(f, today) ? 0 : f.startDate > today ? 1 : 2);
  return [...fairs].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (rank(a) === 2
        ? b.startDate.localeCompare(a.startDate)
        : a.startDate.localeCompare(b.startDate)) ||
      a.name.localeCompare(b.name),
  );
};

/**
 * Questions typed on one line, for the admin command line: `kind label [= option | option]`,
 * separated by `;`. E.g. `yes_no Interested in cranes?; one_choice Budget = <10k | 10-50k`.
 */
export const parseQuestionList = (text: string): Result<FairQuestionDraft[]> => {
  const drafts: FairQuestionDraft[] = [];
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^(\S+)\s+([^=]+?)\s*(?:=\s*(.*))?$/.exec(part);
    const kind = match?.[1] as FairQuestionKind | undefined;
    if (match === null || kind === undefined || !fairQuestionKinds.includes(kind)) {
      return fail(
        'fair.question_unreadable',
        `"${part}" is not a question: write the kind (${fairQuestionKinds.join(', ')}), the label and, for a choice, "= option | option".`,
        `"${part}" non è una domanda: scrivi il tipo (${fairQuestionKinds.join(', ')}), il testo e, per una scelta, "= opzione | opzione".`,
        'questions',
      );
    }
    const options = match[3] === undefined ? [] : match[3].split('|').map((o) => o.trim());
    drafts.push({ kind, label: match[2] ?? '', options });
  }
  return ok(drafts);
};

/** The answer a lead gave to one question, or undefined. */
export const answerTo = (
  answers: readonly FairAnswer[],
  questionId: string,
): FairAnswer['value'] | undefined => answers.find((a) => a.questionId === questionId)?.value;

/**
 * Whether a lead's answer matches a list filter typed as text: `yes`/`no` for yes/no, the
 * option for choices (several: one of those chosen), at least the number, text contained.
 * An empty filter matches every lead that answered.
 */
export const answerMatches = (
  question: FairQuestion,
  answers: readonly FairAnswer[],
  wanted: string,
): boolean => {
  const value = answerTo(answers, question.id);
  if (value === undefined) return false;
  const want = wanted.trim().toLowerCase();
  if (want === '') return true;
  switch (question.kind) {
    case 'yes_no':
      return (want === 'yes') === (value === true);
    case 'number': {
      const least = Number(want.replace(',', '.'));
      return typeof value === 'number' && Number.isFinite(least) && value >= least;
    }
    case 'several_choices':
      return Array.isArray(value) && value.some((v) => v.toLowerCase() === want);
    case 'one_choice':
      return typeof value === 'string' && value.toLowerCase() === want;
    case 'text':
      return typeof value === 'string' && value.toLowerCase().includes(want);
  }
};
