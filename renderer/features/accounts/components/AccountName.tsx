// An account's name where only its id is at hand (a list cell, a card).
import { useAccountName } from '../queries';

export const AccountName = ({ id }: { id: string | null }) => <>{useAccountName(id) ?? ''}</>;
