import type { DeliveredMessage, MessageHandler } from '../bus.port';

/** A handler that records what it got, optionally failing first (tests only). */
export class MessageRecorder {
  readonly received: DeliveredMessage[] = [];

  constructor(private readonly fail: (message: DeliveredMessage) => boolean = () => false) {}

  readonly handler: MessageHandler = async (message) => {
    this.received.push(message);
    if (this.fail(message)) throw new Error(`refused ${message.key}@${message.offset}`);
  };

  /** Values of the messages that were handled without error. */
  handledValues(): unknown[] {
    return this.received.filter((m) => !this.fail(m)).map((m) => m.value);
  }

  count(predicate: (m: DeliveredMessage) => boolean = () => true): number {
    return this.received.filter(predicate).length;
  }
}
