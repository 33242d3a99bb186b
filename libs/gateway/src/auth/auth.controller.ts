import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Post,
  Req,
  Res,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import { SignInRequest, type SignInResponse, type User } from '@parley/contracts';
import type { Request, Response } from 'express';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { UserDirectory } from '../users/user-directory';
import { AccessTokenGuard } from './access-token.guard';
import { CurrentUser } from './current-user.decorator';
import { REFRESH_COOKIE, refreshCookieOptions } from './refresh-cookie';
import { TokenService } from './token-service';

/** Sign in, stay signed in, sign out (U1). */
@Controller('api')
export class AuthController {
  constructor(
    @Inject(UserDirectory) private readonly users: UserDirectory,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post('auth/login')
  @HttpCode(200)
  async login(
    @Body() body: SignInRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SignInResponse> {
    const user = await this.users.verify(body.email, body.password);
    if (!user) throw new UnauthorizedException('invalid email or password');
    return this.startSession(user, response);
  }

  /** A new access token for the refresh cookie; the cookie is rotated. */
  @Post('auth/refresh')
  @HttpCode(200)
  refresh(@Req() request: Request, @Res({ passthrough: true }) response: Response): SignInResponse {
    const token: unknown = request.cookies?.[REFRESH_COOKIE];
    const claims = typeof token === 'string' ? this.tokens.verifyRefresh(token) : null;
    const user = claims ? this.users.findById(claims.sub) : null;
    if (!user) {
      response.clearCookie(REFRESH_COOKIE, refreshCookieOptions(this.config.PARLEY_COOKIE_SECURE));
      throw new UnauthorizedException('the session has ended: sign in again');
    }
    return this.startSession(user, response);
  }

  @Post('auth/logout')
  @HttpCode(204)
  logout(@Res({ passthrough: true }) response: Response): void {
    response.clearCookie(REFRESH_COOKIE, refreshCookieOptions(this.config.PARLEY_COOKIE_SECURE));
  }

  @Get('me')
  @UseGuards(AccessTokenGuard)
  me(@CurrentUser() user: User): User {
    return user;
  }

  private startSession(user: User, response: Response): SignInResponse {
    response.cookie(
      REFRESH_COOKIE,
      this.tokens.issueRefresh(user),
      refreshCookieOptions(this.config.PARLEY_COOKIE_SECURE, this.tokens.refreshTtlSeconds),
    );
    return {
      accessToken: this.tokens.issueAccess(user),
      expiresIn: this.tokens.accessTtlSeconds,
      user,
    };
  }
}
