import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  UseGuards,
} from '@nestjs/common';
import {
  newId,
  ROBOTS_SERVICE,
  ruleKey,
  RuleChangeRequest,
  RuleRequest,
  type ChangeRuleData,
  type CommandResponse,
  type CreateRuleData,
  type CreateRuleResponse,
  type RobotRuleView,
  type RuleRefData,
  type User,
} from '@parley/contracts';
import { READ_STORE } from '@parley/platform';
import type { ReadStore } from '@parley/read-store';
import { AccessTokenGuard } from '../auth/access-token.guard';
import { CurrentUser } from '../auth/current-user.decorator';
import { GatewayCommands } from '../commands/gateway-commands';
import { AdminGuard } from '../crm/admin.guard';
import { RobotRuleQueries } from './robot-rule-queries';

/** A 400 naming the field, like the validation pipe's. */
const RULE_ID = new ParseUUIDPipe({
  exceptionFactory: () =>
    new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: 'ruleId must be a UUID',
      issues: [{ field: 'ruleId', reason: 'ruleId must be a UUID' }],
    }),
});

/**
 * Robots' rules (issue 13, A2, A4), admins only (AdminGuard, and the robots service checks the
 * role too): the workspace's rules with their latest runs, and the commands that change them,
 * sent to the robots service on the rule's aggregate and answered as every command is (202, or
 * 404/422 with the rule's code and message).
 */
@Controller('api/robots/rules')
@UseGuards(AccessTokenGuard, AdminGuard)
export class RobotsController {
  private readonly queries: RobotRuleQueries;

  constructor(
    @Inject(READ_STORE) readStore: ReadStore,
    @Inject(GatewayCommands) private readonly commands: GatewayCommands,
  ) {
    this.queries = new RobotRuleQueries(readStore);
  }

  @Get()
  rules(@CurrentUser() user: User): Promise<RobotRuleView[]> {
    return this.queries.rules(user);
  }

  @Post()
  @HttpCode(202)
  async create(@CurrentUser() user: User, @Body() body: RuleRequest): Promise<CreateRuleResponse> {
    const data: CreateRuleData = {
      ruleId: newId(),
      definition: body.definition,
      enabled: body.enabled ?? true,
      actorRole: user.role,
    };
    return { ...(await this.send(user, 'CreateRule', data)), ruleId: data.ruleId };
  }

  @Put(':ruleId')
  @HttpCode(202)
  change(
    @CurrentUser() user: User,
    @Param('ruleId', RULE_ID) ruleId: string,
    @Body() body: RuleChangeRequest,
  ): Promise<CommandResponse> {
    const data: ChangeRuleData = { ruleId, definition: body.definition, actorRole: user.role };
    return this.send(user, 'ChangeRule', data);
  }

  @Post(':ruleId/enable')
  @HttpCode(202)
  enable(
    @CurrentUser() user: User,
    @Param('ruleId', RULE_ID) ruleId: string,
  ): Promise<CommandResponse> {
    return this.send(user, 'EnableRule', this.ref(user, ruleId));
  }

  @Post(':ruleId/disable')
  @HttpCode(202)
  disable(
    @CurrentUser() user: User,
    @Param('ruleId', RULE_ID) ruleId: string,
  ): Promise<CommandResponse> {
    return this.send(user, 'DisableRule', this.ref(user, ruleId));
  }

  @Delete(':ruleId')
  @HttpCode(202)
  delete(
    @CurrentUser() user: User,
    @Param('ruleId', RULE_ID) ruleId: string,
  ): Promise<CommandResponse> {
    return this.send(user, 'DeleteRule', this.ref(user, ruleId));
  }

  private ref(user: User, ruleId: string): RuleRefData {
    return { ruleId, actorRole: user.role };
  }

  private send(
    user: User,
    type: string,
    data: CreateRuleData | ChangeRuleData | RuleRefData,
  ): Promise<CommandResponse> {
    return this.commands.send(
      ROBOTS_SERVICE,
      user,
      ruleKey(user.workspaceId, data.ruleId),
      type,
      data,
    );
  }
}
