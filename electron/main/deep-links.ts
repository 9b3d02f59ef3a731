// fairlead:// links (e.g. fairlead://lead/0190f3c2-…) open a record in the running app.
// Links come from other programs, so they are parsed strictly and anything odd is dropped.
import { regardingTypes } from '../../shared/domain/records';
import type { RegardingType } from '../../shared/domain/records';
import type { RecordLink } from '../../shared/platform';

export const deepLinkScheme = 'fairlead';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const isRegardingType = (value: string): value is RegardingType =>
  (regardingTypes as readonly string[]).includes(value);

export const parseDeepLink = (raw: unknown): RecordLink | null => {
  if (typeof raw !== 'string' || raw.length > 200) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${deepLinkScheme}:`) return null;
  if (url.username !== '' || url.password !== '' || url.port !== '') return null;
  if (url.search !== '' || url.hash !== '') return null;
  // fairlead://lead/<id> puts the record type in the host; fairlead:lead/<id> in the path.
  const parts = [url.hostname, ...url.pathname.split('/')].filter((part) => part !== '');
  if (parts.length !== 2) return null;
  const [record, id] = parts;
  if (record === undefined || id === undefined) return null;
  const type = record.toLowerCase();
  const uuid = id.toLowerCase();
  if (!isRegardingType(type) || !uuidPattern.test(uuid)) return null;
  return { record: type, id: uuid };
};

/** The deep link among a process's arguments (Windows and Linux pass it on the command line). */
export const findDeepLinkInArgv = (argv: readonly string[]): RecordLink | null => {
  for (const arg of argv) {
    if (arg.startsWith(`${deepLinkScheme}:`)) {
      const link = parseDeepLink(arg);
      if (link !== null) return link;
    }
  }
  return null;
};
