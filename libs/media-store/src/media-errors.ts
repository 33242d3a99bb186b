/** A file over the size limit: refused, nothing of it kept. */
export class MediaTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`the file is larger than the media limit of ${maxBytes} bytes`);
    this.name = 'MediaTooLarge';
  }
}

/** A media id that is not one of Parley's ids (a UUID). */
export class InvalidMediaId extends Error {
  constructor(readonly mediaId: string) {
    super(`not a media id: ${JSON.stringify(mediaId.slice(0, 80))}`);
    this.name = 'InvalidMediaId';
  }
}

/** The media id is stored in another workspace. */
export class MediaIdTaken extends Error {
  constructor(readonly mediaId: string) {
    super(`media ${mediaId} is stored in another workspace`);
    this.name = 'MediaIdTaken';
  }
}

/** A range that starts past the end of the file (HTTP 416). */
export class RangeNotSatisfiable extends Error {
  constructor(readonly size: number) {
    super(`the range starts past the end of the file (${size} bytes)`);
    this.name = 'RangeNotSatisfiable';
  }
}
