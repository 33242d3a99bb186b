import type { User } from '@parley/contracts';
import type { Request } from 'express';

/** A request the AccessTokenGuard let through: `user` is its bearer. */
export interface AuthenticatedRequest extends Request {
  user: User;
  /** When the bearer's access token expires, in epoch seconds. */
  accessTokenExpiresAt: number;
}
