import { GatewayTimeoutException, Inject, Injectable } from '@nestjs/common';
import { CommandTimedOut, type CommandSender } from '@parley/command-handling';
import {
  CRM_SERVICE,
  newId,
  type CommandEnvelope,
  type CommandResponse,
  type User,
} from '@parley/contracts';
import { CLOCK, COMMAND_SENDER, type Clock } from '@parley/platform';
import { responseForOutcome } from '../commands/command-outcome-response';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';

/**
 * Sends a command to the CRM service for the signed-in user and answers with its outcome (202,
 * 404 or 422 with the reason), or 504 after COMMAND_TIMEOUT_MS.
 */
@Injectable()
export class CrmCommandSending {
  constructor(
    @Inject(COMMAND_SENDER) private readonly sender: CommandSender,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async send(
    user: User,
    aggregateId: string,
    type: string,
    data: object,
  ): Promise<CommandResponse> {
    const command: CommandEnvelope = {
      commandId: newId(),
      service: CRM_SERVICE,
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
