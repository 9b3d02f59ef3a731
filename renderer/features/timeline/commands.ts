import { useServices } from '../../app/services';
import type { NewActivity } from '../../app/store-port';

export type PersonalActivityType = NewActivity['type'];
export const personalActivityTypes: readonly PersonalActivityType[] = [
  'note',
  'phone_call',
  'task',
  'appointment',
  'email',
];

export const useActivityCommands = () => useServices().commands.activity;
