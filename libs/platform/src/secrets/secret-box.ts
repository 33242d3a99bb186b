import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Why a sealed value could not be opened:
 * - `malformed`: not a sealed value at all (cut, or not written by a secret box);
 * - `unknown_version`: written by a format this code does not know;
 * - `wrong_key`: sealed under another key (the key was rotated or the config is wrong);
 * - `tampered`: the right key, but the ciphertext, its context or its tag was changed.
 */
export type SecretBoxFailureReason = 'malformed' | 'unknown_version' | 'wrong_key' | 'tampered';

export class SecretBoxOpenFailed extends Error {
  constructor(readonly reason: SecretBoxFailureReason) {
    super(`the sealed value cannot be opened: ${reason}`);
    this.name = 'SecretBoxOpenFailed';
  }
}

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Whether `value` can be PARLEY_SECRET_KEY: 32 bytes in base64 (or base64url), or empty for none.
 * For config validation, so a bad key stops the process at boot, not at the first seal.
 */
export const isSecretKeyOrEmpty = (value: unknown): boolean =>
  value === '' ||
  (typeof value === 'string' &&
    /^[A-Za-z0-9+/_-]+={0,2}$/.test(value.trim()) &&
    Buffer.from(value.trim(), 'base64').length === KEY_BYTES);

/**
 * Encrypts small secrets with AES-256-GCM under PARLEY_SECRET_KEY: the AI assistants' settings
 * where they are stored, and their key while it travels from the gateway to the translation
 * service inside a command on the bus. Confidential, and any change to the
 * sealed text or to the context it was sealed for is detected when it is opened.
 *
 * The sealed form is `v1.{keyId}.{base64url(iv ‖ ciphertext ‖ tag)}`: the version lets a later
 * format (another cipher) be read beside this one; the key id (the first 8 hex digits of the
 * key's SHA-256, which tell nothing usable about a random 256-bit key) tells a value sealed
 * under another key from a tampered one, which a key rotation needs. The IV is random for each
 * seal (96 bits; safe for far more seals than settings will ever see). The context (a workspace
 * id and a field name) is authenticated, not stored: a value copied to another workspace's row
 * does not open there.
 */
export class SecretBox {
  private readonly keyId: string;

  private constructor(private readonly key: Buffer) {
    this.keyId = createHash('sha256').update(key).digest('hex').slice(0, 8);
  }

  /**
   * A box over a 32-byte key given in base64 (as config holds it: `openssl rand -base64 32`).
   * Throws a message that names the problem, never the key.
   */
  static fromBase64Key(base64Key: string): SecretBox {
    const trimmed = base64Key.trim();
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) {
      throw new Error('the settings encryption key must be base64 (openssl rand -base64 32)');
    }
    const key = Buffer.from(trimmed, 'base64');
    if (key.length !== KEY_BYTES) {
      throw new Error(
        `the settings encryption key must be ${KEY_BYTES} bytes in base64, it is ${key.length} bytes`,
      );
    }
    return new SecretBox(key);
  }

  /** `plaintext` sealed for `context`; opening it needs the same key and the same context. */
  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(this.aad(context));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const payload = Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString('base64url');
    return `${VERSION}.${this.keyId}.${payload}`;
  }

  /** The plaintext of a value `seal` wrote for `context`, or `SecretBoxOpenFailed`. */
  open(sealed: string, context: string): string {
    const parts = sealed.split('.');
    if (parts.length !== 3 || !/^v\d+$/.test(parts[0]!)) throw new SecretBoxOpenFailed('malformed');
    const [version, keyId, payload] = parts as [string, string, string];
    if (version !== VERSION) throw new SecretBoxOpenFailed('unknown_version');
    if (!/^[0-9a-f]{8}$/.test(keyId) || !/^[A-Za-z0-9_-]+$/.test(payload)) {
      throw new SecretBoxOpenFailed('malformed');
    }
    if (keyId !== this.keyId) throw new SecretBoxOpenFailed('wrong_key');
    const bytes = Buffer.from(payload, 'base64url');
    if (bytes.length < IV_BYTES + TAG_BYTES) throw new SecretBoxOpenFailed('malformed');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(this.aad(context));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    try {
      const plaintext = Buffer.concat([
        decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
        decipher.final(),
      ]);
      return plaintext.toString('utf8');
    } catch {
      throw new SecretBoxOpenFailed('tampered');
    }
  }

  /** The authenticated data: the format version and the context, so neither can be swapped. */
  private aad(context: string): Buffer {
    return Buffer.from(`parley-secret-box:${VERSION}:${context}`, 'utf8');
  }
}
