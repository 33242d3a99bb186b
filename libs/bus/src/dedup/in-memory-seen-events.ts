import type { SeenEvents } from './seen-events.port';

/**
 * The last `capacity` event ids, least recently used dropped first. Enough for the repeats a
 * relay restart produces (a few seconds of events); a consumer that needs more keeps its
 * position in its read model (docs/style.md 8).
 */
export class InMemorySeenEvents implements SeenEvents {
  private readonly ids = new Map<string, true>();

  constructor(private readonly capacity = 10_000) {
    if (capacity < 1) throw new Error('InMemorySeenEvents capacity must be at least 1');
  }

  async has(id: string): Promise<boolean> {
    if (!this.ids.has(id)) return false;
    this.ids.delete(id);
    this.ids.set(id, true);
    return true;
  }

  async remember(id: string): Promise<void> {
    this.ids.delete(id);
    this.ids.set(id, true);
    while (this.ids.size > this.capacity) {
      const oldest = this.ids.keys().next();
      if (oldest.done) break;
      this.ids.delete(oldest.value);
    }
  }

  get size(): number {
    return this.ids.size;
  }
}
