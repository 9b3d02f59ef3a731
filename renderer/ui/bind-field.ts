// A text control bound to one key of a form's draft: the value comes from the draft and
// typing sets that key. Spread into a TextField, TextArea or SelectField of ui/Field:
// `<TextField label={…} {...field('lastName')} />`.
import type { ChangeEvent } from 'react';

/** The keys of a draft that hold text. */
export type TextKeys<D> = { [K in keyof D]-?: D[K] extends string ? K : never }[keyof D];

export type SetDraft<D> = <K extends keyof D>(key: K, value: D[K]) => void;

type TextChange = ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>;

export const bindText =
  <D>(draft: D, set: SetDraft<D>) =>
  <K extends TextKeys<D>>(key: K) => ({
    value: draft[key] as string,
    onChange: (event: TextChange) => set(key, event.target.value as D[K]),
  });

/** The setter of a draft kept whole in one useState. */
export const setIn =
  <D>(update: (change: (draft: D) => D) => void): SetDraft<D> =>
  (key, value) =>
    update((draft) => ({ ...draft, [key]: value }));
