import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How far a signed request's timestamp may be from the gateway's clock (A3): 5 minutes. */
export const CONVERSION_WINDOW_SECONDS = 300;

export const CONVERSION_HEADERS = {
  key: 'parley-key',
  timestamp: 'parley-timestamp',
  signature: 'parley-signature',
} as const;

/** A new conversion key's id: `ck_` and 16 characters of base64url. */
export const newConversionKeyId = (): string => `ck_${randomBytes(12).toString('base64url')}`;

/**
 * A conversion key's secret, derived from the gateway's secret, the workspace and the key id:
 * nothing secret is stored in the event log, and every gateway replica derives the same one.
 * Changing PARLEY_AUTH_SECRET therefore changes every conversion key's secret too.
 */
export const conversionKeySecret = (serverSecret: string, workspaceId: string, keyId: string) =>
  createHmac('sha256', serverSecret)
    .update(`parley-conversion-key|${workspaceId}|${keyId}`)
    .digest('base64url');

/** `sha256=<hex>`: HMAC-SHA256 with the key's secret over `<timestamp>.<raw body>`. */
export const conversionSignature = (secret: string, timestamp: string, body: Buffer | string) =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;

export interface SignedRequest {
  readonly keyId: string | undefined;
  readonly timestamp: string | undefined;
  readonly signature: string | undefined;
  readonly body: Buffer;
}

/**
 * Why a signed request is refused (a 401's reason), or null when it is good: headers present,
 * the timestamp within CONVERSION_WINDOW_SECONDS of `nowSeconds`, the key live (`secretOf`
 * answers null for an unknown or revoked key), and the signature right (compared in constant
 * time).
 */
export const conversionRequestProblem = (
  request: SignedRequest,
  nowSeconds: number,
  secretOf: (keyId: string) => string | null,
): string | null => {
  const { keyId, timestamp, signature, body } = request;
  if (!keyId) return `the ${CONVERSION_HEADERS.key} header is missing`;
  if (!timestamp) return `the ${CONVERSION_HEADERS.timestamp} header is missing`;
  if (!signature) return `the ${CONVERSION_HEADERS.signature} header is missing`;
  if (!/^\d{1,12}$/.test(timestamp)) {
    return `${CONVERSION_HEADERS.timestamp} must be the time in whole seconds since 1970`;
  }
  if (Math.abs(nowSeconds - Number(timestamp)) > CONVERSION_WINDOW_SECONDS) {
    return `${CONVERSION_HEADERS.timestamp} is more than ${CONVERSION_WINDOW_SECONDS / 60} minutes from the server's clock (replays are refused)`;
  }
  const secret = secretOf(keyId);
  if (secret === null) return `the conversion key is unknown or revoked`;
  const expected = Buffer.from(conversionSignature(secret, timestamp, body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return `the signature does not match the body (sha256=<hex of HMAC-SHA256 over "<timestamp>.<body>">)`;
  }
  return null;
};
