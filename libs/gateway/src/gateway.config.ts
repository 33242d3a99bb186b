import { BooleanFromEnv } from '@parley/config';
import { IsBoolean, IsEmail, IsInt, IsString, Length, Max, Min, MinLength } from 'class-validator';

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
  @IsString() @Length(8, 200) PARLEY_ADMIN_PASSWORD: string = 'parley-admin';
  @IsEmail() PARLEY_MANAGER_EMAIL: string = 'manager@parley.local';
  @IsString() @Length(8, 200) PARLEY_MANAGER_PASSWORD: string = 'parley-manager';

  /** Set the refresh cookie's Secure flag (behind HTTPS). */
  @BooleanFromEnv() @IsBoolean() PARLEY_COOKIE_SECURE: boolean = false;

  @IsInt() @Min(10) @Max(86_400) ACCESS_TOKEN_TTL_SECONDS: number = 900;
  @IsInt() @Min(60) @Max(31_536_000) REFRESH_TOKEN_TTL_SECONDS: number = 7 * 24 * 3600;

  /** How long a command request waits for its outcome before answering 504. */
  @IsInt() @Min(1) @Max(300_000) COMMAND_TIMEOUT_MS: number = 10_000;

  /** The built web app, served at `/`; relative paths are resolved from the repository root. */
  @IsString() @Length(1, 1000) PARLEY_WEB_DIR: string = 'dist/apps/web';
}

/** The injection token of the module's GatewayConfig. */
export const GATEWAY_CONFIG = 'parley:GatewayConfig';
