/**
 * Which events a consumer has already handled. The relay may publish an event again after a
 * restart (at-least-once); consumers remember what they handled and drop repeats.
 */
export interface SeenEvents {
  has(id: string): Promise<boolean>;
  remember(id: string): Promise<void>;
}
