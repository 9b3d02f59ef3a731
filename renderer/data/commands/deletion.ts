// The device's delete command: the deletion table of shared/domain decides, the same table
// the server's validateChange reads, so a deletion the device allows is one the server
// accepts. Its answer is the id of the removed record.
import { deleteRecord } from '../../../shared/domain/deletion';
import type { RecordType } from '../../../shared/domain/records';
import { command } from './command-kit';

export const removeCommand = (type: RecordType) =>
  command(
    async (env, input: { id: string }) =>
      deleteRecord(type, await env.get(type, input.id), env.ctx.actor),
    (_effects, input): string => input.id,
  );
