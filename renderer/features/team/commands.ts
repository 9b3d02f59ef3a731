import { useServices } from '../../app/services';

export const useRecordCommands = () => useServices().commands.record;
