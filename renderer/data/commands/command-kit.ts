// One wrapper for every command (Actual's createApp + mutator idea): load the current
// documents, run the pure rule from shared/domain with a RuleContext, write the rule's
// documents in its crash-safe order, then persist the numbering state it allocated.
import type { Actor, RuleContext } from '../../../shared/domain/context';
import type { Effects } from '../../../shared/domain/effects';
import type { DomainError, Result } from '../../../shared/domain/errors';
import { checkPlainText } from '../../../shared/domain/plain-text';
import { uuidv7 } from '../../../shared/domain/ids';
import type { NumberingState } from '../../../shared/domain/numbering';
import type { RecordOf, RecordType } from '../../../shared/domain/records';
import type { FairleadDatabase } from '../database';
import { readNumbering, reconcileWithStore, saveNumbering } from '../numbering-store';
import { StoreError, toStoreError } from '../store-error';
import type { DocumentWriter } from '../write';
import { collectionOf, plainDoc, upsertWrite } from '../write';

/** What every command answers: its value, or an error to show in plain words. */
export type CommandResult<T> = { ok: true; value: T } | { ok: false; error: DomainError };

/** Who acts: the signed-in user, or null when nobody is signed in. */
export type SessionSource = Actor | (() => Actor | null);

export type CommandOptions = {
  /** The current instant; the real clock by default. */
  clock?: () => string;
  /** New ids; UUIDv7 by default. */
  newId?: () => string;
  /** Writes one document; tests inject one that fails after N writes to simulate a crash. */
  writer?: DocumentWriter;
};

/** What a command's loader and rule see. */
export type CommandEnv = {
  db: FairleadDatabase;
  ctx: RuleContext;
  /** A stored document; fails the command with a plain "not found" when it is missing. */
  get<K extends RecordType>(type: K, id: string): Promise<RecordOf[K]>;
  /** A stored document, or undefined. */
  find<K extends RecordType>(type: K, id: string): Promise<RecordOf[K] | undefined>;
  /** The device's numbering state, raised to the numbers already in the store. */
  numbering(): Promise<NumberingState>;
};

export type CommandDef<I, T> = {
  run: (env: CommandEnv, input: I) => Promise<Result<Effects>>;
  /** The command's answer, from what the rule wrote. */
  value: (effects: Effects, input: I) => T;
};

export const command = <I, T>(
  run: CommandDef<I, T>['run'],
  value: CommandDef<I, T>['value'],
): CommandDef<I, T> => ({ run, value });

type AnyDef = CommandDef<never, unknown>;

/** The callable map of a definition map: `(input) => Promise<CommandResult<T>>`. */
export type Handlers<D extends Record<string, AnyDef>> = {
  [K in keyof D]: D[K] extends CommandDef<infer I, infer T>
    ? (input: I) => Promise<CommandResult<T>>
    : never;
};

const randomBytes = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));

export const notFound = (type: RecordType, id: string): StoreError =>
  new StoreError({
    code: 'store.not_found',
    collection: type,
    documentId: id,
    message: {
      en: `The ${type} ${id} is not on this device.`,
      it: `Il record ${type} ${id} non è su questo dispositivo.`,
    },
  });

const signedOut: DomainError = {
  code: 'session.signed_out',
  message: { en: 'Sign in to make changes.', it: 'Accedi per fare modifiche.' },
};

const numberingMissing = new StoreError({
  code: 'numbering.not_set_up',
  collection: 'local',
  message: {
    en: 'This device has no document series yet: sign in once while online.',
    it: 'Questo dispositivo non ha ancora una serie di numerazione: accedi una volta online.',
  },
});

type Lock = <T>(task: () => Promise<T>) => Promise<T>;

// Commands run one at a time per store: in this window by a queue, across windows by a Web
// Lock where the platform has one, so two windows never allocate the same number.
const lockFor = (name: string): Lock => {
  let tail: Promise<unknown> = Promise.resolve();
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  return <T>(task: () => Promise<T>): Promise<T> => {
    const guarded = () =>
      locks !== undefined ? locks.request(`fairlead-commands:${name}`, task) : task();
    const run = tail.then(guarded, guarded);
    tail = run.catch(() => undefined); // the caller of this command gets the error from `run`
    return run;
  };
};

const locks = new WeakMap<FairleadDatabase, Lock>();

/** The runner that turns definition maps into handler maps for one store and session. */
export const createCommandRunner = (
  db: FairleadDatabase,
  session: SessionSource,
  options: CommandOptions = {},
) => {
  const clock = options.clock ?? (() => new Date().toISOString());
  const newId = options.newId ?? (() => uuidv7(Date.now(), randomBytes(10)));
  const writer = options.writer ?? upsertWrite;
  let lock = locks.get(db);
  if (lock === undefined) {
    lock = lockFor(db.name);
    locks.set(db, lock);
  }
  const exclusive = lock;

  const execute = async <I, T>(def: CommandDef<I, T>, input: I): Promise<CommandResult<T>> => {
    const actor = typeof session === 'function' ? session() : session;
    if (actor === null) return { ok: false, error: signedOut };
    return exclusive(async () => {
      const ctx: RuleContext = { actor, now: clock(), newId };
      let reconciled: NumberingState | undefined;
      const find = async <K extends RecordType>(type: K, id: string) => {
        const doc = await collectionOf(db, type).findOne(id).exec();
        return doc === null ? undefined : plainDoc<RecordOf[K]>(doc);
      };
      const env: CommandEnv = {
        db,
        ctx,
        find,
        get: async (type, id) => {
          const doc = await find(type, id);
          if (doc === undefined) throw notFound(type, id);
          return doc;
        },
        numbering: async () => {
          const saved = await readNumbering(db);
          if (saved === null) throw numberingMissing;
          reconciled = await reconcileWithStore(db, saved, ctx.now);
          return reconciled;
        },
      };
      try {
        const outcome = await def.run(env, input);
        if (!outcome.ok) return outcome;
        const effects = outcome.value;
        // The server refuses control characters in ids and names: say so now, not at sync.
        for (const w of effects.writes) {
          const plain = checkPlainText(w.doc as unknown as Record<string, unknown>);
          if (!plain.ok) return plain;
        }
        for (const [index, w] of effects.writes.entries()) await writer(db, w, index);
        for (const r of effects.removals ?? []) {
          await (await collectionOf(db, r.type).findOne(r.id).exec())?.remove();
        }
        // The number counts as used only now that its document is stored. A retry that reused
        // a number still saves the state raised to it.
        const numbering = effects.numbering ?? reconciled;
        if (numbering !== undefined) await saveNumbering(db, numbering);
        return { ok: true, value: def.value(effects, input) };
      } catch (error) {
        return { ok: false, error: toStoreError(error, 'store').toDomainError() };
      }
    });
  };

  /** Wraps a map of command definitions into typed handlers. */
  const handlers = <D extends Record<string, AnyDef>>(defs: D): Handlers<D> =>
    Object.fromEntries(
      Object.entries(defs).map(([name, def]) => [
        name,
        (input: unknown) => execute(def as CommandDef<unknown, unknown>, input),
      ]),
    ) as Handlers<D>;

  return { handlers, execute };
};
