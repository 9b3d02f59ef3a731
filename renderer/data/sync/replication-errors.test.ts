// Which replication errors were already told to the seller by the handlers, and which ones
// (the device's store failing under RxDB) the engine must still show.
import { describe, expect, it } from 'vitest';
import { errorToPlainJson, newRxError } from 'rxdb';
import { SyncHttpError } from './client';
import { reportedByHandler } from './replication-errors';

const offline = new SyncHttpError(0, 'network', { en: 'No network.', it: 'Nessuna rete.' });
const diskFull = new Error('QuotaExceededError: the disk is full');

describe('replication errors', () => {
  it('leaves server, network and restart answers to the handlers that reported them', () => {
    const restart = Object.assign(new Error('restarting'), { name: 'StartingOver' });
    expect(reportedByHandler(newRxError('RC_PULL', { errors: [errorToPlainJson(offline)] }))).toBe(
      true,
    );
    expect(reportedByHandler(newRxError('RC_PUSH', { errors: [errorToPlainJson(restart)] }))).toBe(
      true,
    );
  });

  it('shows a store failure in a handler or under the replication', () => {
    expect(reportedByHandler(newRxError('RC_PUSH', { errors: [errorToPlainJson(diskFull)] }))).toBe(
      false,
    );
    expect(
      reportedByHandler(
        newRxError('RC_PULL', { errors: [errorToPlainJson(offline), errorToPlainJson(diskFull)] }),
      ),
    ).toBe(false);
    // A fork write that failed after the merge, or an error RxDB did not wrap.
    expect(reportedByHandler(newRxError('RC_PUSH', { writeError: {} as never }))).toBe(false);
    expect(reportedByHandler(diskFull)).toBe(false);
  });
});
