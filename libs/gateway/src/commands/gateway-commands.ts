import { GatewayTimeoutException, Inject, Injectable } from '@nestjs/common';
import { CommandTimedOut, type CommandSender } from '@parley/command-handling';
import {
  newId,
  type Actor,
  type CommandEnvelope,
  type CommandResponse,
  type User,
} from '@parley/contracts';
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

  send(
    service: string,
    user: User,
    aggregateId: string,
    type: string,
    data: object,
  ): Promise<CommandResponse> {
    return this.sendAs(service, { kind: 'manager', id: user.id }, user.workspaceId, {
      aggregateId,
      type,
      data,
    });
  }

  /** A command on behalf of someone other than a signed-in user (an external system). */
  async sendAs(
    service: string,
    actor: Actor,
    workspaceId: string,
    c: { aggregateId: string; type: string; data: object },
  ): Promise<CommandResponse> {
    const command: CommandEnvelope = {
      commandId: newId(),
      service,
      type: c.type,
      data: c.data,
      metadata: {
        workspaceId,
        aggregateId: c.aggregateId,
        issuedAt: this.clock().toISOString(),
        correlationId: newId(),
        causationId: null,
        actor,
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
