/**
 * An event id is already stored in another stream. Event ids are unique in the whole store
 * (deterministic ids make retries idempotent), so the same id in a second stream is a bug in
 * the caller, not a retry.
 */
export class DuplicateEventId extends Error {
  constructor(
    readonly eventId: string,
    readonly streamName: string,
    readonly storedInStream: string,
  ) {
    super(
      `event ${eventId} cannot be appended to ${streamName}: it is stored in ${storedInStream}`,
    );
    this.name = 'DuplicateEventId';
  }
}
