import {
  Body,
  Controller,
  Delete,
  HttpCode,
  HttpException,
  HttpStatus,
  Inject,
  NotFoundException,
  Param,
  Patch,
  Post,
  Put,
  UseGuards,
} from '@nestjs/common';
import {
  CRM_SERVICE,
  AddTagRequest,
  ChangeDealLineRequest,
  EditContactRequest,
  MoveDealToStageRequest,
  newId,
  RecordSaleRequest,
  SetResponsibleManagerRequest,
  type AddTagData,
  type ChangeDealLineData,
  type ClientCard,
  type CommandResponse,
  type EditContactData,
  type MoveDealToStageData,
  type RecordSaleData,
  type RemoveTagData,
  type SetResponsibleManagerData,
  type User,
} from '@parley/contracts';
import { AccessTokenGuard } from '../auth/access-token.guard';
import { CurrentUser } from '../auth/current-user.decorator';
import { ChatQueries } from '../chats/chat-queries';
import { UserDirectory } from '../users/user-directory';
import { GatewayCommands } from '../commands/gateway-commands';

/**
 * A manager working the client of a conversation (issue 10, R1, R3, R6): tags, stage, line,
 * responsible manager, contact fields, manual sales. The contact and deal are the client card's;
 * each action is a command to the CRM service, answered with its outcome.
 */
@Controller('api/chats')
@UseGuards(AccessTokenGuard)
export class ContactCommandsController {
  constructor(
    @Inject(ChatQueries) private readonly chats: ChatQueries,
    @Inject(GatewayCommands) private readonly commands: GatewayCommands,
    @Inject(UserDirectory) private readonly users: UserDirectory,
  ) {}

  @Post(':conversationId/tags')
  @HttpCode(202)
  async addTag(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
    @Body() body: AddTagRequest,
  ): Promise<CommandResponse> {
    const { contactId } = await this.contact(user, conversationId);
    const data: AddTagData = { contactId, name: body.name, actorRole: user.role };
    return this.commands.send(CRM_SERVICE, user, contactId, 'AddTag', data);
  }

  @Delete(':conversationId/tags/:name')
  @HttpCode(202)
  async removeTag(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
    @Param('name') name: string,
  ): Promise<CommandResponse> {
    const { contactId } = await this.contact(user, conversationId);
    const data: RemoveTagData = { contactId, name: name.trim() };
    return this.commands.send(CRM_SERVICE, user, contactId, 'RemoveTag', data);
  }

  @Put(':conversationId/responsible-manager')
  @HttpCode(202)
  async setResponsibleManager(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
    @Body() body: SetResponsibleManagerRequest,
  ): Promise<CommandResponse> {
    const { contactId } = await this.contact(user, conversationId);
    if (body.managerId !== null) {
      const manager = this.users.findById(body.managerId);
      if (!manager || manager.workspaceId !== user.workspaceId) {
        throw new HttpException(
          {
            statusCode: 422,
            error: 'Unprocessable Entity',
            message: `There is no user ${body.managerId} in this workspace.`,
            code: 'manager.unknown',
          },
          HttpStatus.UNPROCESSABLE_ENTITY,
        );
      }
    }
    const data: SetResponsibleManagerData = { contactId, managerId: body.managerId };
    return this.commands.send(CRM_SERVICE, user, contactId, 'SetResponsibleManager', data);
  }

  @Patch(':conversationId/contact')
  @HttpCode(202)
  async editContact(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
    @Body() body: EditContactRequest,
  ): Promise<CommandResponse> {
    const { contactId } = await this.contact(user, conversationId);
    const data: EditContactData = {
      contactId,
      ...(body.name !== undefined && { name: body.name }),
      ...(body.country !== undefined && { country: body.country }),
      ...(body.phone !== undefined && { phone: body.phone }),
    };
    return this.commands.send(CRM_SERVICE, user, contactId, 'EditContact', data);
  }

  @Post(':conversationId/sales')
  @HttpCode(202)
  async recordSale(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
    @Body() body: RecordSaleRequest,
  ): Promise<CommandResponse & { saleId: string }> {
    const { contactId } = await this.contact(user, conversationId);
    const data: RecordSaleData = {
      contactId,
      saleId: body.saleId ?? newId(),
      accountId: body.accountId,
      amount: body.amount,
      currency: body.currency,
    };
    const response = await this.commands.send(CRM_SERVICE, user, contactId, 'RecordSale', data);
    return { ...response, saleId: data.saleId };
  }

  @Post(':conversationId/stage')
  @HttpCode(202)
  async moveToStage(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
    @Body() body: MoveDealToStageRequest,
  ): Promise<CommandResponse> {
    const { dealId } = await this.deal(user, conversationId);
    const data: MoveDealToStageData = { dealId, stageId: body.stageId };
    return this.commands.send(CRM_SERVICE, user, dealId, 'MoveDealToStage', data);
  }

  @Post(':conversationId/line')
  @HttpCode(202)
  async changeLine(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
    @Body() body: ChangeDealLineRequest,
  ): Promise<CommandResponse> {
    const { dealId } = await this.deal(user, conversationId);
    const data: ChangeDealLineData = { dealId, line: body.line };
    return this.commands.send(CRM_SERVICE, user, dealId, 'ChangeDealLine', data);
  }

  private async contact(
    user: User,
    conversationId: string,
  ): Promise<NonNullable<ClientCard['contact']>> {
    const { contact } = await this.chats.card(user, conversationId);
    if (!contact) throw new NotFoundException(`no contact for conversation ${conversationId} yet`);
    return contact;
  }

  private async deal(user: User, conversationId: string): Promise<NonNullable<ClientCard['deal']>> {
    const { deal } = await this.chats.card(user, conversationId);
    if (!deal) throw new NotFoundException(`no deal for conversation ${conversationId} yet`);
    return deal;
  }
}
