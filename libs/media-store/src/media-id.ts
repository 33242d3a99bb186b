const MEDIA_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Parley's media ids are lowercase UUIDs: the only names the store ever gives a file. */
export const isMediaId = (value: string): boolean => MEDIA_ID.test(value);
