// In-process fan-out of committed changes to SSE streams.
import type { ChangeNotice } from './types';

export class ChangeHub {
  private readonly listeners = new Set<(notice: ChangeNotice) => void>();

  on(listener: (notice: ChangeNotice) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(notice: ChangeNotice): void {
    for (const listener of this.listeners) {
      try {
        listener(notice);
      } catch {
        // A broken stream must not stop the others.
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
