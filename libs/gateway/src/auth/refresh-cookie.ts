import type { CookieOptions } from 'express';

/** The httpOnly cookie that carries the refresh token, sent only to /api/auth. */
export const REFRESH_COOKIE = 'parley_refresh';

/**
 * SameSite=Strict: a browser sends the cookie only on requests its own pages make. Secure unless
 * PARLEY_COOKIE_SECURE=false. `expiresAt` is the session's end (absent when clearing).
 */
export const refreshCookieOptions = (secure: boolean, expiresAt?: Date): CookieOptions => ({
  httpOnly: true,
  sameSite: 'strict',
  secure,
  path: '/api/auth',
  ...(expiresAt === undefined ? {} : { expires: expiresAt }),
});
