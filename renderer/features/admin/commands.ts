// The administration screens' changes: each one a call of the office API, whose refusal
// comes back in the UI's language (use-action.ts).
import { useServices } from '../../app/services';
import type { OfficeAdminClient } from '../../data/office/admin-client';

export const useOfficeCommands = (): OfficeAdminClient => useServices().office;
