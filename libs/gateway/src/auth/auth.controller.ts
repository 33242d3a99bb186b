import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpException,
  HttpStatus,
  Inject,
  Logger,
  Post,
  Req,
  Res,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import { SignInRequest, type SignInResponse, type User } from '@parley/contracts';
import type { Request, Response } from 'express';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { Sessions, type IssuedRefresh } from '../sessions/sessions';
import { SignInLimiter } from '../sessions/sign-in-limiter';
import { HashingBusy } from '../users/hashing-slots';
import { UserDirectory } from '../users/user-directory';
import { AccessTokenGuard } from './access-token.guard';
import { CurrentUser } from './current-user.decorator';
import { REFRESH_COOKIE, refreshCookieOptions } from './refresh-cookie';
import { SameOriginGuard } from './same-origin.guard';
import { TokenService } from './token-service';

/** Sign in, stay signed in, sign out (U1). */
@Controller('api')
export class AuthController {
  private readonly logger = new Logger('AuthController');

  constructor(
    @Inject(UserDirectory) private readonly users: UserDirectory,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(Sessions) private readonly sessions: Sessions,
    @Inject(SignInLimiter) private readonly limiter: SignInLimiter,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /**
   * 401 for a wrong email or password (the same answer for both); 429 with Retry-After when the
   * client address or the account is over its sign-in limit; 503 with Retry-After when every
   * password-hashing slot and the queue before them are taken.
   */
  @Post('auth/login')
  @HttpCode(200)
  async login(
    @Body() body: SignInRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SignInResponse> {
    const address = request.ip ?? request.socket.remoteAddress;
    const verdict = await this.limiter.attempt(address, body.email);
    if (!verdict.allowed) {
      response.setHeader('Retry-After', String(verdict.retryAfterSeconds));
      const what =
        verdict.limit === 'address'
          ? 'too many failed sign-ins from this address'
          : 'too many failed sign-ins for this account';
      throw new HttpException(
        {
          statusCode: HttpStatus.TOO_MANY_REQUESTS,
          error: 'Too Many Requests',
          message: `${what}: try again in ${inWords(verdict.retryAfterSeconds)}`,
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    let user: User | null;
    try {
      user = await this.users.verify(body.email, body.password);
    } catch (e) {
      if (!(e instanceof HashingBusy)) throw e;
      await this.limiter.notChecked(address, body.email);
      response.setHeader('Retry-After', '1');
      throw new HttpException(
        {
          statusCode: HttpStatus.SERVICE_UNAVAILABLE,
          error: 'Service Unavailable',
          message: 'too many sign-ins at once: try again in a moment',
        },
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    }
    if (!user) throw new UnauthorizedException('invalid email or password');
    await this.limiter.succeeded(address, body.email);
    return this.answer(user, await this.recorded(() => this.sessions.start(user)), response);
  }

  /**
   * A new access token for the refresh cookie; the cookie is rotated. A rotated-away token
   * presented again ends its whole session (reuse). Only from the app's own origin (403).
   */
  @Post('auth/refresh')
  @HttpCode(200)
  @UseGuards(SameOriginGuard)
  async refresh(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SignInResponse> {
    const token: unknown = request.cookies?.[REFRESH_COOKIE];
    const renewed =
      typeof token === 'string' ? await this.recorded(() => this.sessions.renew(token)) : null;
    if (!renewed) {
      response.clearCookie(REFRESH_COOKIE, refreshCookieOptions(this.config.PARLEY_COOKIE_SECURE));
      throw new UnauthorizedException('the session has ended: sign in again');
    }
    return this.answer(renewed.user, renewed.refresh, response);
  }

  /** The session of the refresh cookie ends on the server, and the cookie is cleared. */
  @Post('auth/logout')
  @HttpCode(204)
  @UseGuards(SameOriginGuard)
  async logout(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const token: unknown = request.cookies?.[REFRESH_COOKIE];
    if (typeof token === 'string') await this.recorded(() => this.sessions.end(token));
    response.clearCookie(REFRESH_COOKIE, refreshCookieOptions(this.config.PARLEY_COOKIE_SECURE));
  }

  @Get('me')
  @UseGuards(AccessTokenGuard)
  me(@CurrentUser() user: User): User {
    return user;
  }

  /** A session-store failure (Redis down) is a 503 with a reason, logged, not a bare 500. */
  private async recorded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      this.logger.error(`the session store failed: ${(e as Error).message}`);
      throw new HttpException(
        {
          statusCode: HttpStatus.SERVICE_UNAVAILABLE,
          error: 'Service Unavailable',
          message: 'sessions cannot be recorded right now: try again shortly',
        },
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    }
  }

  private answer(user: User, refresh: IssuedRefresh, response: Response): SignInResponse {
    response.cookie(
      REFRESH_COOKIE,
      refresh.token,
      refreshCookieOptions(this.config.PARLEY_COOKIE_SECURE, refresh.expiresAt),
    );
    return {
      accessToken: this.tokens.issueAccess(user),
      expiresIn: this.tokens.accessTtlSeconds,
      user,
    };
  }
}

/** "45 seconds", "1 minute", "15 minutes". */
const inWords = (seconds: number): string => {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
};
