// Local, unsaved edits of a record's fields. The record stays the source of truth: the draft
// holds only the fields the user changed, so a sync update to other fields shows through.
import { useState } from 'react';

export type Draft<T> = {
  value: T;
  changed: Partial<T>;
  dirty: boolean;
  set: <K extends keyof T>(key: K, value: T[K]) => void;
  reset: () => void;
};

export const useDraft = <T extends object>(record: T): Draft<T> => {
  const [changed, setChanged] = useState<Partial<T>>({});
  return {
    value: { ...record, ...changed },
    changed,
    dirty: Object.keys(changed).length > 0,
    set: (key, value) => setChanged((c) => ({ ...c, [key]: value })),
    reset: () => setChanged({}),
  };
};
