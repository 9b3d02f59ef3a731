// Contacts as first written (version 0), before they kept a GDPR consent record. Kept so the
// migration can be tested against a store really written with version 0.
import type { RxJsonSchema } from 'rxdb';
import type { Contact } from '../../../shared/domain/records';
import { collectionSchemaOf } from '../../../shared/domain/rx-schemas';

export type ContactV0 = Omit<Contact, 'consent'>;

export const contactSchemaV0 = (): RxJsonSchema<ContactV0> => {
  const current = collectionSchemaOf('contact');
  const { consent: _consent, ...properties } = current.properties;
  return {
    ...current,
    version: 0,
    properties,
    required: current.required.filter((field) => field !== 'consent'),
  } as unknown as RxJsonSchema<ContactV0>;
};
