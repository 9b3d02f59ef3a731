// A record's state in the words the rules use ("Only a draft quote can be changed"): the
// state itself (Draft, Active, Won, Closed), and for a closed or canceled one also why.
import type { TFunction } from 'i18next';

type Kind = 'opportunity' | 'quote' | 'order' | 'invoice';

// Status reasons that add something to the state: why a quote was closed.
const telling: Record<Kind, readonly string[]> = {
  opportunity: ['on_hold', 'canceled', 'out_sold'],
  quote: ['lost', 'canceled', 'revised'],
  order: [],
  invoice: [],
};

export const documentStateLabel = (
  t: TFunction,
  kind: Kind,
  doc: { state: string; status: string },
): string => {
  const state = t(`${kind}.states.${doc.state}`);
  return telling[kind].includes(doc.status)
    ? `${state} · ${t(`${kind}.statuses.${doc.status}`)}`
    : state;
};
