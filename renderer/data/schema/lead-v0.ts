// The lead collection as first written (version 0): the same fields without `searchTerms`
// (added in v1) and without the trade fair and its answers (added in v2).
// Kept so the migrations can be tested against stores really written with versions 0 and 1.
import type { RxJsonSchema } from 'rxdb';
import type { Lead } from '../../../shared/domain/records';
import { collectionSchemaOf } from '../../../shared/domain/rx-schemas';
import { searchTermsForLead } from '../../../shared/domain/search';

const laterFields = ['searchTerms', 'tradeFairId', 'fairAnswers'];

export type LeadV0 = Omit<Lead, 'searchTerms' | 'tradeFairId' | 'fairAnswers'>;

export const leadSchemaV0 = (): RxJsonSchema<LeadV0> => {
  const current = collectionSchemaOf('lead');
  const properties = Object.fromEntries(
    Object.entries(current.properties).filter(([field]) => !laterFields.includes(field)),
  );
  return {
    ...current,
    version: 0,
    properties,
    required: current.required.filter((field) => !laterFields.includes(field)),
  } as unknown as RxJsonSchema<LeadV0>;
};

export type LeadV1 = Omit<Lead, 'tradeFairId' | 'fairAnswers'>;

/** Version 1: with `searchTerms`, before fair mode. */
export const leadSchemaV1 = (): RxJsonSchema<LeadV1> => {
  const current = collectionSchemaOf('lead');
  const v2 = ['tradeFairId', 'fairAnswers'];
  return {
    ...current,
    version: 1,
    properties: Object.fromEntries(
      Object.entries(current.properties).filter(([field]) => !v2.includes(field)),
    ),
    required: current.required.filter((field) => !v2.includes(field)),
  } as unknown as RxJsonSchema<LeadV1>;
};

/** Search terms of a version 0 lead, computed by the domain's rule. */
export const leadSearchTerms = (old: Record<string, unknown>): string[] =>
  searchTermsForLead(old as LeadV0);
