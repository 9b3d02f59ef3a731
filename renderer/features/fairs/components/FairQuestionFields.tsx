// The current fair's qualifying questions in a capture form, in the form's tab order (the
// seller goes through them with the keyboard), and the answers as the lead page shows them.
import { useTranslation } from 'react-i18next';
import type { FairAnswer, FairQuestion, TradeFair } from '../../../../shared/domain/records';
import { answerTo } from '../../../../shared/domain/trade-fair';
import { CheckboxField, ReadField, SelectField, TextField } from '../../../ui/Field';

/** Answers while typing, by question id; a number stays text until the lead is saved. */
export type AnswerDraft = Record<string, FairAnswer['value']>;

/** The answers to store: numbers read from their text (a wrong one is refused by the rule). */
export const answersOf = (fair: TradeFair | null, draft: AnswerDraft): FairAnswer[] =>
  (fair?.questions ?? []).flatMap((q) => {
    const value = draft[q.id];
    if (value === undefined) return [];
    if (q.kind === 'number' && typeof value === 'string') {
      const text = value.trim().replace(',', '.');
      if (text === '') return [];
      const n = Number(text);
      return [{ questionId: q.id, value: Number.isFinite(n) ? n : value }];
    }
    return [{ questionId: q.id, value }];
  });

const QuestionField = ({
  question: q,
  value,
  onChange,
}: {
  question: FairQuestion;
  value: FairAnswer['value'] | undefined;
  onChange: (value: FairAnswer['value']) => void;
}) => {
  const { t } = useTranslation();
  switch (q.kind) {
    case 'yes_no':
      return (
        <SelectField
          label={q.label}
          value={value === true ? 'yes' : value === false ? 'no' : ''}
          onChange={(e) => onChange(e.target.value === '' ? '' : e.target.value === 'yes')}
          options={[
            { value: '', label: '—' },
            { value: 'yes', label: t('common.yes') },
            { value: 'no', label: t('common.no') },
          ]}
        />
      );
    case 'one_choice':
      return (
        <SelectField
          label={q.label}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
          options={[{ value: '', label: '—' }, ...q.options.map((o) => ({ value: o, label: o }))]}
        />
      );
    case 'several_choices': {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <fieldset className="field-wide fair-choices">
          <legend>{q.label}</legend>
          {q.options.map((o) => (
            <CheckboxField
              key={o}
              label={o}
              checked={chosen.includes(o)}
              onChange={(e) =>
                onChange(
                  // Kept in the fair's order of options.
                  q.options.filter((x) => (x === o ? e.target.checked : chosen.includes(x))),
                )
              }
            />
          ))}
        </fieldset>
      );
    }
    case 'number':
      return (
        <TextField
          label={q.label}
          inputMode="decimal"
          value={value === undefined ? '' : String(value)}
          onChange={(e) => onChange(e.target.value)}
          autoComplete="off"
        />
      );
    case 'text':
      return (
        <TextField
          label={q.label}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
          autoComplete="off"
        />
      );
  }
};

export const FairQuestionFields = ({
  fair,
  answers,
  onChange,
}: {
  fair: TradeFair;
  answers: AnswerDraft;
  onChange: (answers: AnswerDraft) => void;
}) =>
  fair.questions.map((q) => (
    <QuestionField
      key={q.id}
      question={q}
      value={answers[q.id]}
      onChange={(value) => onChange({ ...answers, [q.id]: value })}
    />
  ));

/** An answer in words: yes/no translated, several choices joined. */
export const useAnswerText = () => {
  const { t } = useTranslation();
  return (value: FairAnswer['value']): string =>
    value === true
      ? t('common.yes')
      : value === false
        ? t('common.no')
        : Array.isArray(value)
          ? value.join(', ')
          : String(value);
};

/** The lead page's fair: which fair, and the answers given there. */
export const FairAnswersView = ({
  fair,
  answers,
}: {
  fair: TradeFair | null;
  answers: readonly FairAnswer[];
}) => {
  const { t } = useTranslation();
  const text = useAnswerText();
  return (
    <dl className="header-summary" aria-label={t('fair.answers')}>
      <ReadField label={t('fair.fair')}>{fair?.name ?? t('fair.notOnDevice')}</ReadField>
      {(fair?.questions ?? []).map((q) => {
        const value = answerTo(answers, q.id);
        return (
          <ReadField key={q.id} label={q.label}>
            {value === undefined ? '—' : text(value)}
          </ReadField>
        );
      })}
    </dl>
  );
};
