/**
 * A write broke a unique index (MongoDB's E11000). Both adapters throw this, so a projector can
 * tell a duplicate from any other failure without knowing which store it runs on.
 */
export class DuplicateKeyError extends Error {
  /** MongoDB's error code for a duplicate key, kept for callers that check codes. */
  readonly code = 11000;

  constructor(
    readonly collection: string,
    readonly indexName: string,
    readonly key: Readonly<Record<string, unknown>>,
  ) {
    super(
      `E11000 duplicate key error collection: ${collection} index: ${indexName} dup key: ${JSON.stringify(key)}`,
    );
    this.name = 'DuplicateKeyError';
  }
}
