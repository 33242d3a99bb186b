import { Module, type DynamicModule } from '@nestjs/common';
import { MEDIA_STORE, type MediaStore } from '@parley/media-store';
import { AccessTokenGuard } from './auth/access-token.guard';
import { AdminHealthDetails } from './auth/admin-health-details';
import { AuthController } from './auth/auth.controller';
import { SameOriginGuard } from './auth/same-origin.guard';
import { TokenService } from './auth/token-service';
import { ChatViews } from './chat-views/chat-views';
import { ChatViewsController } from './chat-views/chat-views.controller';
import { ChatQueries } from './chats/chat-queries';
import { ChatsController } from './chats/chats.controller';
import { ChatCommandsController } from './commands/chat-commands.controller';
import { ChatPlacementController } from './commands/chat-placement.controller';
import { GatewayCommands } from './commands/gateway-commands';
import { CRM_GATEWAY_CONTROLLERS, CRM_GATEWAY_PROVIDERS } from './crm/crm-gateway';
import { GATEWAY_CONFIG, type GatewayConfig } from './gateway.config';
import { LivePush } from './live/live-push';
import { LiveTicketController } from './live/live-ticket.controller';
import { LiveTickets } from './live/live-tickets';
import { AttachmentsController } from './attachments/attachments.controller';
import { ChatMediaController } from './media/chat-media.controller';
import { MediaController } from './media/media.controller';
import { MediaLinks } from './media/media-links';
import { RobotsController } from './robots/robots.controller';
import { SearchController } from './search/search.controller';
import { GatewayRedis } from './sessions/gateway-redis';
import { InMemoryRefreshTokenStore } from './sessions/in-memory-refresh-token-store';
import { RedisRefreshTokenStore } from './sessions/redis-refresh-token-store';
import { REFRESH_TOKEN_STORE, type RefreshTokenStore } from './sessions/refresh-token-store.port';
import { Sessions } from './sessions/sessions';
import { SignInLimiter } from './sessions/sign-in-limiter';
import { TasksNotesController } from './tasks-notes/tasks-notes.controller';
import { TemplatesController } from './templates/templates.controller';
import { DraftAnswers } from './translation/draft-answers';
import { TranslationController } from './translation/translation.controller';
import { ADMIN_PASSWORD_HASH, UserDirectory } from './users/user-directory';
import { UsersController } from './users/users.controller';

export interface GatewayModuleOptions {
  /**
   * The admin's stored password hash (`encodePasswordHash`'s text), used when
   * PARLEY_ADMIN_PASSWORD is empty: `npm start` generates the password once and keeps this.
   */
  readonly adminPasswordHash?: string;
  /**
   * Where media is kept (issue 9): the file-system store under the data directory for
   * `npm start`, GridFS for the services. Without one the media routes answer 503.
   */
  readonly mediaStore?: MediaStore;
}

/**
 * The gateway (docs/architecture.md): users and sessions, the HTTP API over the read models and the
 * commands, WebSocket push. Needs READ_STORE, COMMAND_SENDER, BUS, CLOCK and WORKSPACE_SETTINGS
 * from the platform, and SEARCH_INDEX for search (without it `/api/search` answers 503); the
 * process calls `configureGateway(app)` before listening. It lets an
 * admin's access token see the detailed `/health` (AdminHealthDetails). With REDIS_URL
 * the sign-in limits and the session records live in Redis, otherwise in this process's memory.
 */
@Module({})
export class GatewayServiceModule {
  static register(config: GatewayConfig, options: GatewayModuleOptions = {}): DynamicModule {
    return {
      module: GatewayServiceModule,
      controllers: [
        AuthController,
        ChatsController,
        ChatCommandsController,
        ChatPlacementController,
        ChatViewsController,
        LiveTicketController,
        TasksNotesController,
        UsersController,
        MediaController,
        ChatMediaController,
        AttachmentsController,
        ...CRM_GATEWAY_CONTROLLERS,
        TemplatesController,
        RobotsController,
        TranslationController,
        SearchController,
      ],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: MEDIA_STORE, useValue: options.mediaStore ?? null },
        MediaLinks,
        DraftAnswers,
        ...(options.adminPasswordHash
          ? [{ provide: ADMIN_PASSWORD_HASH, useValue: options.adminPasswordHash }]
          : []),
        GatewayRedis,
        {
          provide: REFRESH_TOKEN_STORE,
          inject: [GatewayRedis],
          useFactory: (redis: GatewayRedis): RefreshTokenStore =>
            redis.client
              ? new RedisRefreshTokenStore(redis.client)
              : new InMemoryRefreshTokenStore(),
        },
        {
          provide: SignInLimiter,
          inject: [GatewayRedis],
          useFactory: (redis: GatewayRedis): SignInLimiter =>
            new SignInLimiter(
              {
                failuresPerAddress: config.SIGN_IN_FAILURES_PER_ADDRESS,
                failuresPerAccount: config.SIGN_IN_FAILURES_PER_ACCOUNT,
                windowSeconds: config.SIGN_IN_WINDOW_SECONDS,
              },
              redis.client,
            ),
        },
        UserDirectory,
        TokenService,
        Sessions,
        AccessTokenGuard,
        SameOriginGuard,
        AdminHealthDetails,
        ChatQueries,
        ChatViews,
        GatewayCommands,
        LiveTickets,
        LivePush,
        ...CRM_GATEWAY_PROVIDERS,
      ],
      exports: [GATEWAY_CONFIG, LivePush],
    };
  }
}
