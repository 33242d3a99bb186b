import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Put,
  UseGuards,
} from '@nestjs/common';
import {
  CRM_SERVICE,
  AddStageRequest,
  ChangeTagColourRequest,
  CreateTagRequest,
  crmSettingsId,
  newId,
  RenameStageRequest,
  ReorderStagesRequest,
  TagSettingsRequest,
  type AddStageData,
  type ChangeTagColourData,
  type ChangeTagSettingsData,
  type CommandResponse,
  type CreateTagData,
  type Pipeline,
  type RenameStageData,
  type ReorderStagesData,
  type RetireStageData,
  type TagCatalogue,
  type User,
} from '@parley/contracts';
import { AccessTokenGuard } from '../auth/access-token.guard';
import { CurrentUser } from '../auth/current-user.decorator';
import { AdminGuard } from './admin.guard';
import { GatewayCommands } from '../commands/gateway-commands';
import { CrmSettingsQueries } from './crm-settings-queries';

/**
 * The workspace's tag catalogue and pipeline (A4, R3): every signed-in user reads them; only an
 * admin changes them (403 otherwise). Each change is a command to the CRM service.
 */
@Controller('api/crm')
@UseGuards(AccessTokenGuard)
export class CrmSettingsController {
  constructor(
    @Inject(CrmSettingsQueries) private readonly queries: CrmSettingsQueries,
    @Inject(GatewayCommands) private readonly commands: GatewayCommands,
  ) {}

  @Get('tags')
  tags(@CurrentUser() user: User): Promise<TagCatalogue> {
    return this.queries.tagCatalogue(user);
  }

  @Get('pipeline')
  pipeline(@CurrentUser() user: User): Promise<Pipeline> {
    return this.queries.pipeline(user);
  }

  @Post('tags')
  @HttpCode(202)
  @UseGuards(AdminGuard)
  createTag(@CurrentUser() user: User, @Body() body: CreateTagRequest): Promise<CommandResponse> {
    const data: CreateTagData = { name: body.name, colour: body.colour, actorRole: user.role };
    return this.send(user, 'CreateTag', data);
  }

  @Put('tags/settings')
  @HttpCode(202)
  @UseGuards(AdminGuard)
  tagSettings(
    @CurrentUser() user: User,
    @Body() body: TagSettingsRequest,
  ): Promise<CommandResponse> {
    const data: ChangeTagSettingsData = {
      managersCreateTags: body.managersCreateTags,
      actorRole: user.role,
    };
    return this.send(user, 'ChangeTagSettings', data);
  }

  @Patch('tags/:name')
  @HttpCode(202)
  @UseGuards(AdminGuard)
  changeTagColour(
    @CurrentUser() user: User,
    @Param('name') name: string,
    @Body() body: ChangeTagColourRequest,
  ): Promise<CommandResponse> {
    const data: ChangeTagColourData = {
      name: name.trim(),
      colour: body.colour,
      actorRole: user.role,
    };
    return this.send(user, 'ChangeTagColour', data);
  }

  @Post('pipeline/stages')
  @HttpCode(202)
  @UseGuards(AdminGuard)
  addStage(@CurrentUser() user: User, @Body() body: AddStageRequest): Promise<CommandResponse> {
    const data: AddStageData = {
      stageId: body.stageId ?? newId(),
      name: body.name,
      actorRole: user.role,
    };
    return this.send(user, 'AddStage', data).then((r) => ({ ...r, stageId: data.stageId }));
  }

  @Patch('pipeline/stages/:stageId')
  @HttpCode(202)
  @UseGuards(AdminGuard)
  renameStage(
    @CurrentUser() user: User,
    @Param('stageId') stageId: string,
    @Body() body: RenameStageRequest,
  ): Promise<CommandResponse> {
    const data: RenameStageData = { stageId, name: body.name, actorRole: user.role };
    return this.send(user, 'RenameStage', data);
  }

  @Post('pipeline/stages/:stageId/retire')
  @HttpCode(202)
  @UseGuards(AdminGuard)
  retireStage(
    @CurrentUser() user: User,
    @Param('stageId') stageId: string,
  ): Promise<CommandResponse> {
    const data: RetireStageData = { stageId, actorRole: user.role };
    return this.send(user, 'RetireStage', data);
  }

  @Put('pipeline/order')
  @HttpCode(202)
  @UseGuards(AdminGuard)
  reorderStages(
    @CurrentUser() user: User,
    @Body() body: ReorderStagesRequest,
  ): Promise<CommandResponse> {
    const data: ReorderStagesData = { stageIds: body.stageIds, actorRole: user.role };
    return this.send(user, 'ReorderStages', data);
  }

  private send(user: User, type: string, data: object): Promise<CommandResponse> {
    return this.commands.send(CRM_SERVICE, user, crmSettingsId(user.workspaceId), type, data);
  }
}
