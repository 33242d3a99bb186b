import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Logger,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Req,
  ServiceUnavailableException,
  UseGuards,
} from '@nestjs/common';
import {
  CRM_SERVICE,
  newId,
  TemplatePreviewRequest,
  TemplateRequest,
  templateLibraryId,
  VARIABLE_NAME_PATTERN,
  WorkspaceVariableRequest,
  type ChangeTemplateData,
  type CommandResponse,
  type CreateTemplateData,
  type CreateTemplateResponse,
  type DeleteTemplateData,
  type RemoveWorkspaceVariableData,
  type RenderedTemplate,
  type SetWorkspaceVariableData,
  type TemplateLibraryView,
  type TemplateAttachment,
  type TemplatePreview,
  type UploadedAttachment,
  type User,
} from '@parley/contracts';
import { MEDIA_STORE, type MediaStore } from '@parley/media-store';
import { READ_STORE } from '@parley/platform';
import type { ReadStore } from '@parley/read-store';
import type { Request } from 'express';
import { AttachmentUploadQuery } from '../attachments/attachment-upload-query.dto';
import { uploadToMediaStore } from '../attachments/upload-to-media-store';
import { AccessTokenGuard } from '../auth/access-token.guard';
import { CurrentUser } from '../auth/current-user.decorator';
import { ChatQueries } from '../chats/chat-queries';
import { GatewayCommands } from '../commands/gateway-commands';
import { AdminGuard } from '../crm/admin.guard';
import { CrmSettingsQueries } from '../crm/crm-settings-queries';
import { templateFileOf } from './template-files';
import { TemplateQueries } from './template-queries';

/** A 400 naming the field, like the validation pipe's. */
const badRequest = (field: string, reason: string) =>
  new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: reason,
    issues: [{ field, reason }],
  });

const TEMPLATE_ID = new ParseUUIDPipe({
  exceptionFactory: () => badRequest('templateId', 'templateId must be a UUID'),
});

const variableName = (name: string): string => {
  if (!VARIABLE_NAME_PATTERN.test(name)) {
    throw badRequest(
      'name',
      'name must be 1 to 32 characters of a-z, 0-9 and _, starting with a letter',
    );
  }
  return name;
};

/**
 * Reply templates and workspace variables (issue 13, B1, B3): every signed-in user reads the
 * library and gets its templates rendered for a chat; only an admin changes it (AdminGuard, and
 * the crm service checks the role too) or previews a draft. Changes are commands to the crm
 * service, answered as every command is (202, or 404/422 with the rule's code and message).
 * A template's file (issue 13) is uploaded first, as a chat's is, and named by its media id.
 */
@Controller('api')
@UseGuards(AccessTokenGuard)
export class TemplatesController {
  private readonly queries: TemplateQueries;
  private readonly logger = new Logger('Templates');

  constructor(
    @Inject(READ_STORE) readStore: ReadStore,
    @Inject(ChatQueries) chats: ChatQueries,
    @Inject(CrmSettingsQueries) settings: CrmSettingsQueries,
    @Inject(GatewayCommands) private readonly commands: GatewayCommands,
    @Inject(MEDIA_STORE) private readonly media: MediaStore | null,
  ) {
    this.queries = new TemplateQueries(readStore, chats, settings);
  }

  @Get('templates')
  library(@CurrentUser() user: User): Promise<TemplateLibraryView> {
    return this.queries.library(user);
  }

  @Post('templates')
  @HttpCode(202)
  @UseGuards(AdminGuard)
  async create(
    @CurrentUser() user: User,
    @Body() body: TemplateRequest,
  ): Promise<CreateTemplateResponse> {
    const data: CreateTemplateData = {
      templateId: newId(),
      name: body.name,
      shortcode: body.shortcode,
      text: body.text,
      attachment: await this.attachmentOf(user, body),
      actorRole: user.role,
    };
    return { ...(await this.send(user, 'CreateTemplate', data)), templateId: data.templateId };
  }

  /**
   * A template's file before the template names it (issue 13): `?kind=photo|video|document|voice
   * &name=<file name>` with the bytes as the body, as a chat's upload (uploadToMediaStore: the
   * same limits, 413 and 415), kept under the workspace's template library, not a chat.
   */
  @Post('templates/attachments')
  @HttpCode(201)
  @UseGuards(AdminGuard)
  async upload(
    @CurrentUser() user: User,
    @Query() query: AttachmentUploadQuery,
    @Req() request: Request,
  ): Promise<UploadedAttachment> {
    if (!this.media) throw new ServiceUnavailableException('this process keeps no media store');
    const library = templateLibraryId(user.workspaceId);
    const uploaded = await uploadToMediaStore(this.media, request, query, {
      workspaceId: user.workspaceId,
      conversationId: library,
    });
    this.logger.log(
      `template file ${uploaded.mediaId} (${uploaded.kind}, ${uploaded.contentType}, ${uploaded.size} bytes) uploaded to ${library}`,
    );
    return uploaded;
  }

  /** An admin's live preview of a draft for one chat's client. */
  @Post('templates/preview')
  @HttpCode(200)
  @UseGuards(AdminGuard)
  preview(
    @CurrentUser() user: User,
    @Body() body: TemplatePreviewRequest,
  ): Promise<TemplatePreview> {
    return this.queries.preview(user, body.text, body.conversationId);
  }

  @Put('templates/variables/:name')
  @HttpCode(202)
  @UseGuards(AdminGuard)
  setVariable(
    @CurrentUser() user: User,
    @Param('name') name: string,
    @Body() body: WorkspaceVariableRequest,
  ): Promise<CommandResponse> {
    const data: SetWorkspaceVariableData = {
      name: variableName(name),
      value: body.value,
      actorRole: user.role,
    };
    return this.send(user, 'SetWorkspaceVariable', data);
  }

  @Delete('templates/variables/:name')
  @HttpCode(202)
  @UseGuards(AdminGuard)
  removeVariable(@CurrentUser() user: User, @Param('name') name: string): Promise<CommandResponse> {
    const data: RemoveWorkspaceVariableData = { name: variableName(name), actorRole: user.role };
    return this.send(user, 'RemoveWorkspaceVariable', data);
  }

  @Put('templates/:templateId')
  @HttpCode(202)
  @UseGuards(AdminGuard)
  async change(
    @CurrentUser() user: User,
    @Param('templateId', TEMPLATE_ID) templateId: string,
    @Body() body: TemplateRequest,
  ): Promise<CommandResponse> {
    const data: ChangeTemplateData = {
      templateId,
      name: body.name,
      shortcode: body.shortcode,
      text: body.text,
      attachment: await this.attachmentOf(user, body),
      actorRole: user.role,
    };
    return this.send(user, 'ChangeTemplate', data);
  }

  @Delete('templates/:templateId')
  @HttpCode(202)
  @UseGuards(AdminGuard)
  delete(
    @CurrentUser() user: User,
    @Param('templateId', TEMPLATE_ID) templateId: string,
  ): Promise<CommandResponse> {
    const data: DeleteTemplateData = { templateId, actorRole: user.role };
    return this.send(user, 'DeleteTemplate', data);
  }

  /** The workspace's templates rendered for this chat's client and the signed-in user. */
  @Get('chats/:conversationId/templates')
  rendered(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
  ): Promise<RenderedTemplate[]> {
    return this.queries.renderedForChat(user, conversationId);
  }

  /** The file the request names, as the media store knows it; null for none. */
  private attachmentOf(user: User, body: TemplateRequest): Promise<TemplateAttachment | null> {
    if (body.attachmentId === undefined || body.attachmentId === null) {
      return Promise.resolve(null);
    }
    return templateFileOf(this.media, user, body.attachmentId, 'attachmentId');
  }

  private send(user: User, type: string, data: object): Promise<CommandResponse> {
    return this.commands.send(CRM_SERVICE, user, templateLibraryId(user.workspaceId), type, data);
  }
}
