import { useServices } from '../../app/services';

export const useContactCommands = () => useServices().commands.contact;
