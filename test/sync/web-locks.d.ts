// The device's command runner names the Web Locks API's type, which Node's library lacks; the
// simulated devices run those commands in worker threads, where navigator.locks is absent.
interface LockManager {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}
