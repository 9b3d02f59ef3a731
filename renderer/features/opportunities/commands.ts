import { useServices } from '../../app/services';

export const useOpportunityCommands = () => useServices().commands.opportunity;
