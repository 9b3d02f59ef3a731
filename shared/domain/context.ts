// What a rule needs from the outside world, passed in so the domain stays pure:
// who acts, when, and how new ids are made.

export type Role = 'seller' | 'manager' | 'admin';

export type Actor = {
  readonly userId: string;
  readonly role: Role;
  readonly teamId: string | null;
};

export type RuleContext = {
  readonly actor: Actor;
  /** The current instant as an ISO string. */
  readonly now: string;
  /** Makes a fresh unique id (UUIDv7 on the device). */
  readonly newId: () => string;
};
