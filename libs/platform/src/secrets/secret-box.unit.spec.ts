import { randomBytes } from 'node:crypto';
import { isSecretKeyOrEmpty, SecretBox, SecretBoxOpenFailed } from './secret-box';

const keyOf = () => randomBytes(32).toString('base64');

const failureOf = (open: () => unknown): SecretBoxOpenFailed => {
  try {
    open();
  } catch (error) {
    expect(error).toBeInstanceOf(SecretBoxOpenFailed);
    return error as SecretBoxOpenFailed;
  }
  throw new Error('expected open to fail, it succeeded');
};

/** `sealed` with one bit of its payload's byte at `index` flipped. */
const flipped = (sealed: string, index: number): string => {
  const [version, keyId, payload] = sealed.split('.');
  const bytes = Buffer.from(payload!, 'base64url');
  bytes[index] = bytes[index]! ^ 0x01;
  return `${version}.${keyId}.${bytes.toString('base64url')}`;
};

describe('secret box', () => {
  const key = keyOf();
  const box = SecretBox.fromBase64Key(key);

  it('given a secret, when sealed and opened for the same context, then it comes back, and the sealed form hides it', () => {
    const secret = 'sk-live-ключ-🔑-0123456789';

    const sealed = box.seal(secret, 'workspace:w1:api-key');

    expect(sealed).toMatch(/^v1\.[0-9a-f]{8}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('sk-live');
    expect(Buffer.from(sealed.split('.')[2]!, 'base64url').toString('latin1')).not.toContain(
      'sk-live',
    );
    expect(box.open(sealed, 'workspace:w1:api-key')).toBe(secret);
    expect(box.open(box.seal('', 'c'), 'c')).toBe('');
  });

  it('given the same secret sealed twice, then two different sealed values (a fresh IV each time)', () => {
    expect(box.seal('same', 'c')).not.toBe(box.seal('same', 'c'));
  });

  it('given one bit changed in the IV, the ciphertext or the tag, then tampered', () => {
    const sealed = box.seal('the secret', 'c');
    const length = Buffer.from(sealed.split('.')[2]!, 'base64url').length;

    for (const index of [0, 11, 12, 15, length - 16, length - 1]) {
      expect(failureOf(() => box.open(flipped(sealed, index), 'c')).reason).toBe('tampered');
    }
  });

  it('given another context (another workspace), then tampered: a sealed value does not move between rows', () => {
    const sealed = box.seal('the secret', 'workspace:w1');

    expect(failureOf(() => box.open(sealed, 'workspace:w2')).reason).toBe('tampered');
  });

  it('given another key, then wrong_key; given a forged key id, then tampered', () => {
    const sealed = box.seal('the secret', 'c');
    const other = SecretBox.fromBase64Key(keyOf());
    const otherKeyId = other.seal('x', 'c').split('.')[1]!;
    const [version, , payload] = sealed.split('.');

    expect(failureOf(() => other.open(sealed, 'c')).reason).toBe('wrong_key');
    expect(failureOf(() => other.open(`${version}.${otherKeyId}.${payload}`, 'c')).reason).toBe(
      'tampered',
    );
  });

  it('given a later version, then unknown_version; given anything else, then malformed', () => {
    const [, keyId, payload] = box.seal('the secret', 'c').split('.');

    expect(failureOf(() => box.open(`v2.${keyId}.${payload}`, 'c')).reason).toBe('unknown_version');
    for (const junk of [
      '',
      'plain text',
      'v1.abc',
      `v1.${keyId}.`,
      `v1.${keyId}.AAAA`,
      `v1.${keyId}.${payload}.x`,
      `x1.${keyId}.${payload}`,
      `v1.${keyId}.a+b/`,
    ]) {
      expect(failureOf(() => box.open(junk, 'c')).reason).toBe('malformed');
    }
  });

  it('given a key that is not 32 bytes of base64, then it refuses to start, naming the problem and not the key', () => {
    const short = randomBytes(16).toString('base64');
    const attempts = [short, 'not base64 at all!', '', randomBytes(33).toString('base64')];

    for (const attempt of attempts) {
      expect(() => SecretBox.fromBase64Key(attempt)).toThrow(/settings encryption key must be/);
    }
    expect(() => SecretBox.fromBase64Key(short)).toThrow('it is 16 bytes');
    try {
      SecretBox.fromBase64Key(short);
    } catch (error) {
      expect((error as Error).message).not.toContain(short);
    }
  });

  it('given the key as url-safe base64 or with spaces around, then the same box', () => {
    const raw = randomBytes(32);
    const sealed = SecretBox.fromBase64Key(raw.toString('base64')).seal('s', 'c');

    expect(SecretBox.fromBase64Key(` ${raw.toString('base64url')}\n`).open(sealed, 'c')).toBe('s');
  });

  it('given config text, then a key is 32 bytes of base64 or empty, and anything else is refused at boot', () => {
    const raw = randomBytes(32);

    expect(isSecretKeyOrEmpty('')).toBe(true);
    expect(isSecretKeyOrEmpty(raw.toString('base64'))).toBe(true);
    expect(isSecretKeyOrEmpty(raw.toString('base64url'))).toBe(true);
    expect(isSecretKeyOrEmpty(randomBytes(16).toString('base64'))).toBe(false);
    expect(isSecretKeyOrEmpty('not base64 at all!')).toBe(false);
    expect(isSecretKeyOrEmpty(undefined)).toBe(false);
  });
});
