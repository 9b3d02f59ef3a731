import { useMemo } from 'react';
import type { Contact } from '../../../shared/domain/records';
import { useServices } from '../../app/services';
import { useObservable } from '../../app/use-observable';

export const useContactList = (text: string): Contact[] | undefined => {
  const { queries } = useServices();
  return useObservable(
    useMemo(() => queries.contacts(text), [queries, text]),
    undefined,
  );
};

export const useContact = (id: string | null): Contact | null | undefined => {
  const { queries } = useServices();
  return useObservable(
    useMemo(() => (id ? queries.contact(id) : null), [queries, id]),
    undefined,
  );
};

export const useContactsOfAccount = (accountId: string): Contact[] | undefined => {
  const { queries } = useServices();
  return useObservable(
    useMemo(() => queries.contactsOfAccount(accountId), [queries, accountId]),
    undefined,
  );
};
