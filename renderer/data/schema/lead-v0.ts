// The lead collection as first written (version 0): the same fields without `searchTerms`.
// Kept so the migration can be tested against a store really written with version 0.
import type { RxJsonSchema } from 'rxdb';
import type { Lead } from '../../../shared/domain/records';
import { collectionSchemaOf } from '../../../shared/domain/rx-schemas';
import { searchTermsForLead } from '../../../shared/domain/search';

export type LeadV0 = Omit<Lead, 'searchTerms'>;

export const leadSchemaV0 = (): RxJsonSchema<LeadV0> => {
  const current = collectionSchemaOf('lead');
  const { searchTerms: _dropped, ...properties } = current.properties;
  return {
    ...current,
    version: 0,
    properties,
    required: current.required.filter((field) => field !== 'searchTerms'),
  } as unknown as RxJsonSchema<LeadV0>;
};

/** Search terms of a version 0 lead, computed by the domain's rule. */
export const leadSearchTerms = (old: Record<string, unknown>): string[] =>
  searchTermsForLead(old as LeadV0);
