import type { ExpectedVersion } from './event-store.port';

/** The stream was not where the writer expected: somebody else appended first. */
export class WrongExpectedVersion extends Error {
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedVersion,
    /** Revision of the stream's last event, or 'no_stream'. */
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${streamName}: expected version ${expected}, actual ${actual}`);
    this.name = 'WrongExpectedVersion';
  }
}
