import { useServices } from '../../app/services';

export const useInvoiceCommands = () => useServices().commands.invoice;
