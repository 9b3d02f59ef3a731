import { useMemo } from 'react';
import type { Account } from '../../../shared/domain/records';
import { useServices } from '../../app/services';
import { useObservable } from '../../app/use-observable';
import { useContact } from '../contacts/queries';
import { personName } from '../../../shared/domain/person-name';

export const useAccountList = (text: string): Account[] | undefined => {
  const { queries } = useServices();
  return useObservable(
    useMemo(() => queries.accounts(text), [queries, text]),
    undefined,
  );
};

export const useAccount = (id: string): Account | null | undefined => {
  const { queries } = useServices();
  return useObservable(
    useMemo(() => queries.account(id), [queries, id]),
    undefined,
  );
};

export const useAccountName = (id: string | null): string | undefined => {
  const { queries } = useServices();
  const account = useObservable(
    useMemo(() => (id ? queries.account(id) : null), [queries, id]),
    undefined,
  );
  return account?.name;
};

/** Customers are edited on the device by their owner; managers and admins edit any. */
export const useCanEditCustomer = (ownerId: string): boolean => {
  const { user } = useServices();
  return user.role !== 'seller' || user.id === ownerId;
};

export const useContactName = (id: string | null): string | undefined => {
  const contact = useContact(id);
  return contact ? personName(contact) || contact.email : undefined;
};
