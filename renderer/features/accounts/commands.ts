import { useServices } from '../../app/services';

export const useAccountCommands = () => useServices().commands.account;
