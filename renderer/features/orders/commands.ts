import { useServices } from '../../app/services';

export const useOrderCommands = () => useServices().commands.order;
