// Messages between a multi-device test and its device workers.
import type { SyncCollection } from '../../shared/sync/protocol';

type Doc = Record<string, unknown>;

export type DeviceRequest =
  | {
      op: 'start';
      name: string;
      serverUrl: string;
      email: string;
      password: string;
      /** The name shown for the device (the worker's name when absent). */
      deviceName?: string;
      /** Sign in as an installation (absent: like a device older than installation ids). */
      installationId?: string;
      /** Documents per pull page (the engine's default when absent). */
      pullBatchSize?: number;
    }
  /** A whole sale with the device's commands: quote, order and invoice, numbered. */
  | { op: 'sale'; topic: string }
  /** One of the device's own commands, e.g. `record.reassign` or `lead.create`. */
  | { op: 'command'; group: string; name: string; input: unknown }
  | { op: 'insert'; collection: SyncCollection; doc: Doc }
  | { op: 'patch'; collection: SyncCollection; id: string; patch: Doc }
  | { op: 'remove'; collection: SyncCollection; id: string }
  | { op: 'get'; collection: SyncCollection; id: string }
  | { op: 'offline' }
  | { op: 'online' }
  | { op: 'idle' }
  | { op: 'status' }
  | { op: 'invoice'; doc: Doc }
  | { op: 'sawRestoreResync' }
  | { op: 'dump' }
  | { op: 'retry'; collection: SyncCollection; id: string; fixed?: Doc }
  | { op: 'discard'; collection: SyncCollection; id: string }
  | { op: 'stop' };

export type DeviceReply =
  { seq: number; ok: true; value: unknown } | { seq: number; ok: false; error: string };
