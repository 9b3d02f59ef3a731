// A trade fair as the seller types it: name, place, days, booth and the qualifying questions
// asked at the booth (yes/no, one choice, several choices, number, text).
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FairQuestionKind, TradeFair } from '../../../../shared/domain/records';
import { fairQuestionKinds } from '../../../../shared/domain/records';
import type { FairQuestionDraft } from '../../../../shared/domain/trade-fair';
import { isChoiceKind } from '../../../../shared/domain/trade-fair';
import { useAction } from '../../../app/use-action';
import { bindText, setIn } from '../../../ui/bind-field';
import { Button } from '../../../ui/Button';
import { DateField } from '../../../ui/DateField';
import { SelectField, TextArea, TextField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { useTradeFairCommands } from '../commands';
import { localToday } from '../queries';

type Draft = {
  name: string;
  place: string;
  startDate: string;
  endDate: string;
  booth: string;
  // Options one per line while typing; split on save.
  questions: (Omit<FairQuestionDraft, 'options'> & { options: string })[];
};

const draftOf = (fair: TradeFair | null): Draft => ({
  name: fair?.name ?? '',
  place: fair?.place ?? '',
  startDate: fair?.startDate ?? localToday(),
  endDate: fair?.endDate ?? localToday(),
  booth: fair?.booth ?? '',
  questions: (fair?.questions ?? []).map((q) => ({ ...q, options: q.options.join('\n') })),
});

export const FairForm = ({
  fair,
  onDone,
}: {
  fair: TradeFair | null;
  onDone: (fair: TradeFair | null) => void;
}) => {
  const { t } = useTranslation();
  const commands = useTradeFairCommands();
  const action = useAction();
  const [draft, setDraft] = useState<Draft>(() => draftOf(fair));
  const set = setIn(setDraft);
  const field = bindText(draft, set);
  const setQuestion = (n: number, patch: Partial<Draft['questions'][number]>) =>
    set(
      'questions',
      draft.questions.map((q, i) => (i === n ? { ...q, ...patch } : q)),
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      ...draft,
      questions: draft.questions.map((q) => ({
        ...q,
        options: isChoiceKind(q.kind)
          ? q.options
              .split('\n')
              .map((o) => o.trim())
              .filter(Boolean)
          : [],
      })),
    };
    const saved = await action.run(() =>
      fair === null ? commands.create(input) : commands.update(fair.id, input),
    );
    if (saved) onDone(saved);
  };

  const title = fair === null ? t('fair.new') : t('fair.edit', { name: fair.name });
  return (
    <form className="panel form-grid" aria-label={title} onSubmit={(e) => void submit(e)}>
      <h3 className="field-wide">{title}</h3>
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      <TextField label={t('fair.name')} {...field('name')} autoFocus />
      <TextField label={t('fair.place')} {...field('place')} />
      <DateField
        label={t('fair.startDate')}
        value={draft.startDate}
        onChange={(v) => set('startDate', v)}
      />
      <DateField
        label={t('fair.endDate')}
        value={draft.endDate}
        onChange={(v) => set('endDate', v)}
      />
      <TextField label={t('fair.booth')} {...field('booth')} />
      <fieldset className="field-wide fair-questions">
        <legend>{t('fair.questions')}</legend>
        {draft.questions.length === 0 ? <p className="hint">{t('fair.noQuestions')}</p> : null}
        {draft.questions.map((q, n) => (
          <div
            className="form-grid"
            key={q.id ?? `new-${n}`}
            role="group"
            aria-label={t('fair.questionN', { n: n + 1 })}
          >
            <TextField
              label={t('fair.questionLabel', { n: n + 1 })}
              value={q.label}
              onChange={(e) => setQuestion(n, { label: e.target.value })}
            />
            <SelectField
              label={t('fair.questionKind', { n: n + 1 })}
              value={q.kind}
              onChange={(e) => setQuestion(n, { kind: e.target.value as FairQuestionKind })}
              options={fairQuestionKinds.map((k) => ({ value: k, label: t(`fair.kinds.${k}`) }))}
            />
            {isChoiceKind(q.kind) ? (
              <TextArea
                label={t('fair.questionOptions', { n: n + 1 })}
                hint={t('fair.questionOptionsHint')}
                value={q.options}
                onChange={(e) => setQuestion(n, { options: e.target.value })}
              />
            ) : null}
            <div className="toolbar">
              <Button
                onClick={() =>
                  set(
                    'questions',
                    draft.questions.filter((_, i) => i !== n),
                  )
                }
              >
                {t('fair.removeQuestion', { n: n + 1 })}
              </Button>
            </div>
          </div>
        ))}
        <Button
          onClick={() =>
            set('questions', [...draft.questions, { kind: 'yes_no', label: '', options: '' }])
          }
        >
          {t('fair.addQuestion')}
        </Button>
      </fieldset>
      <div className="toolbar field-wide">
        <Button type="submit" variant="primary" disabled={action.busy}>
          {t('fair.save')}
        </Button>
        <Button onClick={() => onDone(null)}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
};
