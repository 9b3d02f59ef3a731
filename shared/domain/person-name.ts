// How a person's name reads wherever it is shown: "first last".

export type PersonNameParts = { firstName?: string | null; lastName?: string | null };

/**
 * "first last", with a missing or blank part left out and any run of spaces (also inside a
 * part, as typed or imported) read as one; '' when the person has no name.
 */
export const personName = ({ firstName, lastName }: PersonNameParts): string =>
  `${firstName ?? ''} ${lastName ?? ''}`.replace(/\s+/g, ' ').trim();
