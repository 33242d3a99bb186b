import { GatewayTimeoutException, Inject, Injectable } from '@nestjs/common';
import { CommandTimedOut, type CommandSender } from '@parley/command-handling';
import { newId, type CommandEnvelope, type CommandResponse, type User } from '@parley/contracts';
import { CLOCK, COMMAND_SENDER, type Clock } from '@parley/platform';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { responseForOutcome } from './command-outcome-response';

/**
 * Sends a signed-in user's command to a service's commands topic and answers with its outcome as
 * the API answers every command (202, 404 or 422 with the reason), or 504 after
 * COMMAND_TIMEOUT_MS (docs/architecture.md, Events). Every command route goes through it.
 */
@Injectable()
export class GatewayCommands {
  constructor(
    @Inject(COMMAND_SENDER) private readonly sender: CommandSender,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async send(
    service: string,
    user: User,
    aggregateId: string,
    type: string,
    data: object,
  ): Promise<CommandResponse> {
    const command: CommandEnvelope = {
      commandId: newId(),
      service,
      type,
      data,
      metadata: {
        workspaceId: user.workspaceId,
        aggregateId,
        issuedAt: this.clock().toISOString(),
        correlationId: newId(),
        causationId: null,
        actor: { kind: 'manager', id: user.id },
      },
    };
    try {
      return responseForOutcome(await this.sender.send(command, this.config.COMMAND_TIMEOUT_MS));
    } catch (e) {
      if (e instanceof CommandTimedOut) {
        throw new GatewayTimeoutException({
          statusCode: 504,
          error: 'Gateway Timeout',
          message: e.message,
          commandId: e.commandId,
        });
      }
      throw e;
    }
  }
}
