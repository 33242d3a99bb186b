import { Module, type DynamicModule } from '@nestjs/common';
import { AccessTokenGuard } from './auth/access-token.guard';
import { AuthController } from './auth/auth.controller';
import { TokenService } from './auth/token-service';
import { ChatQueries } from './chats/chat-queries';
import { ChatsController } from './chats/chats.controller';
import { ChatCommandsController } from './commands/chat-commands.controller';
import { GATEWAY_CONFIG, type GatewayConfig } from './gateway.config';
import { LivePush } from './live/live-push';
import { UserDirectory } from './users/user-directory';

/**
 * The gateway (docs/architecture.md): users and sessions, the HTTP API over the read models and the
 * commands, WebSocket push. Needs READ_STORE, COMMAND_SENDER, BUS, CLOCK and WORKSPACE_SETTINGS
 * from the platform; the process calls `configureGateway(app)` before listening.
 */
@Module({})
export class GatewayServiceModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayServiceModule,
      controllers: [AuthController, ChatsController, ChatCommandsController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        UserDirectory,
        TokenService,
        AccessTokenGuard,
        ChatQueries,
        LivePush,
      ],
      exports: [GATEWAY_CONFIG, LivePush],
    };
  }
}
