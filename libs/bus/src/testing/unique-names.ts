import { randomBytes } from 'node:crypto';

/** A name no other test run uses, so runs never collide on a shared broker. */
export const uniqueName = (prefix: string): string =>
  `${prefix}.${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
