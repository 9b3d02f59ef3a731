import type { TradeFairInput, TradeFairPatch } from '../../../shared/domain/trade-fair';
import { useServices } from '../../app/services';

export const useTradeFairCommands = () => {
  const { commands } = useServices();
  return {
    create: (input: TradeFairInput) => commands.tradeFair.create(input),
    update: (id: string, patch: TradeFairPatch) => commands.tradeFair.update(id, patch),
  };
};
