// Which errors RxDB's replications emit that the engine has already told the seller about.
// The pull and push handlers report the server's and the network's answers where they arise
// (and a restart is no fault); RxDB wraps a handler's errors as plain JSON, by name.
const reportedByHandlers = new Set(['SyncHttpError', 'StartingOver']);

type Emitted = { code?: unknown; parameters?: { errors?: unknown } };

/** True when every error behind `error` was a server, network or restart answer. */
export const reportedByHandler = (error: unknown): boolean => {
  const { code, parameters } = (error ?? {}) as Emitted;
  if (code !== 'RC_PULL' && code !== 'RC_PUSH') return false;
  const inner = parameters?.errors;
  return (
    Array.isArray(inner) &&
    inner.length > 0 &&
    inner.every((e) => reportedByHandlers.has(String((e as { name?: unknown }).name)))
  );
};
