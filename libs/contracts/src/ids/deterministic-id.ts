import { createHash, randomUUID } from 'node:crypto';

/**
 * A name-based UUID (RFC 9562 version 5, SHA-1): the same parts always give the same id.
 * Used where a source can repeat itself (a Telegram update id, a postback id, a command
 * retried), so a second append of "the same" event is recognised and stores nothing.
 */
export const deterministicId = (...parts: readonly (string | number)[]): string => {
  const name = parts.map((p) => String(p).replace(/\\/g, '\\\\').replace(/\|/g, '\\|')).join('|');
  const bytes = createHash('sha1').update(PARLEY_NAMESPACE).update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** Fixed namespace bytes for Parley's name-based ids. */
const PARLEY_NAMESPACE = Buffer.from('6f1d3c1e8a2b4f0e9c7d5b3a1e2f4d6c', 'hex');

export const newId = (): string => randomUUID();
