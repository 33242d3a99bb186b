import type { CookieOptions } from 'express';

/** The httpOnly cookie that carries the refresh token, sent only to /api/auth. */
export const REFRESH_COOKIE = 'parley_refresh';

export const refreshCookieOptions = (secure: boolean, maxAgeSeconds?: number): CookieOptions => ({
  httpOnly: true,
  sameSite: 'lax',
  secure,
  path: '/api/auth',
  ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds * 1000 }),
});
