import { useServices } from '../../app/services';

export const useQuoteCommands = () => useServices().commands.quote;
