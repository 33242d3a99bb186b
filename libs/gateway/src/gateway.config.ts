import { BooleanFromEnv, Sensitive } from '@parley/config';
import { isSecretKeyOrEmpty } from '@parley/platform';
import {
  IsBoolean,
  IsEmail,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { isIP } from 'node:net';

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** One proxy of PARLEY_TRUST_PROXY: a named range, an address, or an address/prefix (CIDR). */
const isProxyAddress = (part: string): boolean => {
  if (NAMED_RANGES.has(part)) return true;
  const [address, prefix, ...rest] = part.split('/');
  const version = isIP(address ?? '');
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
};

const isTrustProxy = (value: unknown): boolean =>
  typeof value === 'string' &&
  (value === '' ||
    /^[1-9]$/.test(value) ||
    value.split(',').every((part) => isProxyAddress(part.trim())));

/** Express's `trust proxy` value for PARLEY_TRUST_PROXY (validated above); false for none. */
export const trustProxySetting = (value: string): false | number | string[] => {
  if (value === '') return false;
  if (/^[1-9]$/.test(value)) return Number(value);
  return value.split(',').map((part) => part.trim());
};

/**
 * The gateway's settings (docs/style.md 11), read once at boot by the app with `loadConfig`.
 * PARLEY_AUTH_SECRET has no usable default: production must set it; the apps pass a generated
 * one in development.
 */
export class GatewayConfig {
  @IsString()
  @MinLength(32, { message: 'PARLEY_AUTH_SECRET must be at least 32 characters' })
  PARLEY_AUTH_SECRET: string = '';

  @IsEmail() PARLEY_ADMIN_EMAIL: string = 'admin@parley.local';
  /**
   * The admin's password. No default: empty means the process supplies a generated one
   * (`npm start` keeps its hash in the data directory); a gateway process refuses to start
   * without either.
   */
  @IsString()
  @ValidateIf((c: GatewayConfig) => c.PARLEY_ADMIN_PASSWORD !== '')
  @Length(8, 200)
  PARLEY_ADMIN_PASSWORD: string = '';
  @IsEmail() PARLEY_MANAGER_EMAIL: string = 'manager@parley.local';
  /** The manager's password; empty: no manager account (`npm start -- --demo` seeds the demo's). */
  @IsString()
  @ValidateIf((c: GatewayConfig) => c.PARLEY_MANAGER_PASSWORD !== '')
  @Length(8, 200)
  PARLEY_MANAGER_PASSWORD: string = '';

  /** WebSocket connections one user may hold open at once on one gateway replica. */
  @IsInt() @Min(1) @Max(1_000) LIVE_CONNECTIONS_PER_USER: number = 10;

  /**
   * The refresh cookie's Secure flag. On by default: a browser then sends the cookie over HTTPS
   * only (and to http://localhost). `false` for plain-HTTP development on another address;
   * `npm start` on a loopback HOST turns it off unless set.
   */
  @BooleanFromEnv() @IsBoolean() PARLEY_COOKIE_SECURE: boolean = true;

  /**
   * Origins besides the gateway's own (`https://<Host>`, `http://<Host>`) allowed to call the
   * cookie-authenticated endpoints (refresh, sign-out): comma-separated, e.g.
   * `https://app.example.com,https://admin.example.com`. Anything else gets 403.
   */
  @Matches(/^(https?:\/\/[^\s,/]+)?(,\s*https?:\/\/[^\s,/]+)*$/, {
    message: 'must be comma-separated origins like https://app.example.com (no path)',
  })
  PARLEY_ALLOWED_ORIGINS: string = '';

  /**
   * Which proxies in front of the gateway to believe about the client's address
   * (`X-Forwarded-For`, for the per-address sign-in limit) and scheme: empty for none (the
   * gateway faces clients itself), a number of proxy hops (`1` behind one load balancer), or
   * comma-separated addresses and CIDR ranges (`loopback`, `10.0.0.0/8`). `true` (believe
   * anyone) is refused: any client could then pick the address its sign-ins count against.
   */
  @ValidateBy(
    { name: 'isTrustProxy', validator: { validate: isTrustProxy } },
    {
      message:
        'must be empty, a number of proxy hops (1-9), or comma-separated addresses/CIDR ranges ' +
        '(loopback, linklocal, uniquelocal, 10.0.0.0/8, ...); "true" would trust every client',
    },
  )
  PARLEY_TRUST_PROXY: string = '';

  /**
   * The Telegram bot's username, for the deep links of tracking links
   * (`https://t.me/<name>?start=<key>`). Empty: the admin screen shows `/start <key>` only.
   */
  @Matches(/^([A-Za-z][A-Za-z0-9_]{3,31})?$/, {
    message: 'must be a Telegram bot username or empty',
  })
  TELEGRAM_BOT_USERNAME: string = '';

  @IsInt() @Min(10) @Max(86_400) ACCESS_TOKEN_TTL_SECONDS: number = 900;
  /** A session's absolute lifetime, from sign-in: rotating its refresh token does not extend it. */
  @IsInt() @Min(60) @Max(31_536_000) REFRESH_TOKEN_TTL_SECONDS: number = 7 * 24 * 3600;

  /**
   * Redis for the sign-in rate limits and the session records, shared by every gateway replica.
   * Empty: both in this process's memory (one replica only; a restart signs everyone out).
   */
  @Matches(/^(rediss?:\/\/\S+)?$/, { message: 'must be a redis:// or rediss:// URL, or empty' })
  REDIS_URL: string = '';

  /**
   * Failed sign-ins one client address may have per window, whatever the accounts (a right
   * password costs nothing: an office behind one address is not locked out by its own users).
   */
  @IsInt() @Min(1) @Max(100_000) SIGN_IN_FAILURES_PER_ADDRESS: number = 20;
  /** Failed sign-ins one account (email) may have per window; a success clears the count. */
  @IsInt() @Min(1) @Max(1_000) SIGN_IN_FAILURES_PER_ACCOUNT: number = 5;
  /** The window of both sign-in limits; an account over its limit waits a whole window. */
  @IsInt() @Min(1) @Max(86_400) SIGN_IN_WINDOW_SECONDS: number = 15 * 60;

  /** Password hashes computed at once (each scrypt takes 16 MiB and a threadpool thread). */
  @IsInt() @Min(1) @Max(64) PASSWORD_HASH_CONCURRENCY: number = 2;
  /** Sign-ins waiting for a hashing slot before further ones get 503. */
  @IsInt() @Min(0) @Max(10_000) PASSWORD_HASH_QUEUE_LIMIT: number = 32;

  /**
   * Seals an AI assistant's API key before `ConfigureAssistant` goes on the bus, so no key is
   * on a topic or in an event in clear: the translation service's PARLEY_SECRET_KEY, the same
   * 32 bytes in base64 (`openssl rand -base64 32`). Empty: an assistant with a key cannot be
   * set (422); one without a key (a local server) can.
   */
  @Sensitive()
  @ValidateBy(
    { name: 'isBase64Key', validator: { validate: isSecretKeyOrEmpty } },
    { message: 'must be 32 bytes in base64 (openssl rand -base64 32), or empty' },
  )
  PARLEY_SECRET_KEY: string = '';

  /** How long a command request waits for its outcome before answering 504. */
  @IsInt() @Min(1) @Max(300_000) COMMAND_TIMEOUT_MS: number = 10_000;

  /** The built web app, served at `/`; relative paths are resolved from the repository root. */
  @IsString() @Length(1, 1000) PARLEY_WEB_DIR: string = 'dist/apps/web';
}

/** The injection token of the module's GatewayConfig. */
export const GATEWAY_CONFIG = 'parley:GatewayConfig';
