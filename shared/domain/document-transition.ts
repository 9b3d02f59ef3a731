// The effects every sales-document state change shares: a timeline activity about the
// document, then the changed document itself (last, so a retry re-creates the activity).
import type { Regarding } from './activity';
import { systemActivity } from './activity';
import type { RuleContext } from './context';
import type { Effects } from './effects';
import { write } from './effects';
import type { Result } from './errors';
import { ok } from './errors';
import type { Invoice, Order, Quote } from './records';
import { checkDate, firstError, today, touched } from './rule-kit';

/** What the timeline activity of a transition says; `data` follows the document number. */
export type TransitionEvent = {
  regarding: Regarding;
  event: string;
  number: string;
  data: Record<string, unknown>;
  activityId: string;
};

type SalesDocument =
  | { type: 'quote'; next: Quote }
  | { type: 'order'; next: Order }
  | { type: 'invoice'; next: Invoice };

const stamped = (doc: SalesDocument, ctx: RuleContext) =>
  doc.type === 'quote'
    ? write('quote', { ...doc.next, ...touched(ctx) })
    : doc.type === 'order'
      ? write('order', { ...doc.next, ...touched(ctx) })
      : write('invoice', { ...doc.next, ...touched(ctx) });

export const documentTransition = (
  doc: SalesDocument,
  e: TransitionEvent,
  ctx: RuleContext,
): Effects => ({
  writes: [
    write(
      'activity',
      systemActivity(
        ctx,
        e.regarding,
        e.event,
        e.number,
        { number: e.number, ...e.data },
        e.activityId,
      ),
    ),
    stamped(doc, ctx),
  ],
});

/**
 * A dated step of an active document (paid, fulfilled): the guard and the date are checked,
 * and the step happens on the given date, today by default.
 */
export const onDate = (
  guard: Result<void>,
  date: string | undefined,
  field: string,
  ctx: RuleContext,
  apply: (date: string) => Effects,
): Result<Effects> => {
  const check = firstError(guard, checkDate(date, field));
  if (!check.ok) return check;
  return ok(apply(date ?? today(ctx)));
};
