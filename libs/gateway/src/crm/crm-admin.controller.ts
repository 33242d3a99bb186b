import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  UseGuards,
} from '@nestjs/common';
import {
  CRM_SERVICE,
  CreateConversionKeyRequest,
  CreateTrackingLinkRequest,
  crmSettingsId,
  RegistrationLinkTemplateRequest,
  type CommandResponse,
  type ConversionKeyList,
  type CreateConversionKeyData,
  type CreateConversionKeyResponse,
  type CreateTrackingLinkData,
  type CreateTrackingLinkResponse,
  type CrmSettingsView,
  type DeleteTagData,
  type RevokeConversionKeyData,
  type SetRegistrationLinkTemplateData,
  type TrackingLinkList,
  type User,
} from '@parley/contracts';
import { randomBytes } from 'node:crypto';
import { AccessTokenGuard } from '../auth/access-token.guard';
import { CurrentUser } from '../auth/current-user.decorator';
import { GatewayCommands } from '../commands/gateway-commands';
import { conversionKeySecret, newConversionKeyId } from '../conversions/conversion-signature';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { AdminGuard } from './admin.guard';
import { CrmSettingsQueries } from './crm-settings-queries';

/** A tracking link's key when the admin gives none: 10 characters Telegram allows after /start. */
const newTrackingLinkKey = (): string => randomBytes(8).toString('base64url').slice(0, 10);

/**
 * The workspace's CRM settings beyond tags and stages (issue 10): the registration-link template
 * every user reads (R7), and what only an admin sees and changes: deleting tags, tracking links
 * (R2) and the keys external systems sign conversions with (A3).
 */
@Controller('api/crm')
@UseGuards(AccessTokenGuard)
export class CrmAdminController {
  constructor(
    @Inject(CrmSettingsQueries) private readonly queries: CrmSettingsQueries,
    @Inject(GatewayCommands) private readonly commands: GatewayCommands,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get('settings')
  settings(@CurrentUser() user: User): Promise<CrmSettingsView> {
    return this.queries.settingsView(user);
  }

  @Put('registration-link')
  @HttpCode(202)
  @UseGuards(AdminGuard)
  setRegistrationLink(
    @CurrentUser() user: User,
    @Body() body: RegistrationLinkTemplateRequest,
  ): Promise<CommandResponse> {
    const data: SetRegistrationLinkTemplateData = {
      template: body.template,
      actorRole: user.role,
    };
    return this.send(user, 'SetRegistrationLinkTemplate', data);
  }

  @Delete('tags/:name')
  @HttpCode(202)
  @UseGuards(AdminGuard)
  deleteTag(@CurrentUser() user: User, @Param('name') name: string): Promise<CommandResponse> {
    const data: DeleteTagData = { name: name.trim(), actorRole: user.role };
    return this.send(user, 'DeleteTag', data);
  }

  @Get('tracking-links')
  @UseGuards(AdminGuard)
  trackingLinks(@CurrentUser() user: User): Promise<TrackingLinkList> {
    return this.queries.trackingLinks(user);
  }

  @Post('tracking-links')
  @HttpCode(202)
  @UseGuards(AdminGuard)
  async createTrackingLink(
    @CurrentUser() user: User,
    @Body() body: CreateTrackingLinkRequest,
  ): Promise<CreateTrackingLinkResponse> {
    const data: CreateTrackingLinkData = {
      key: body.key ?? newTrackingLinkKey(),
      source: body.source,
      platform: body.platform ?? null,
      campaign: body.campaign ?? null,
      ad: body.ad ?? null,
      adSet: body.adSet ?? null,
      actorRole: user.role,
    };
    return { ...(await this.send(user, 'CreateTrackingLink', data)), key: data.key };
  }

  @Get('conversion-keys')
  @UseGuards(AdminGuard)
  conversionKeys(@CurrentUser() user: User): Promise<ConversionKeyList> {
    return this.queries.conversionKeys(user);
  }

  /** The secret is derived (conversionKeySecret) and shown in this answer only. */
  @Post('conversion-keys')
  @HttpCode(202)
  @UseGuards(AdminGuard)
  async createConversionKey(
    @CurrentUser() user: User,
    @Body() body: CreateConversionKeyRequest,
  ): Promise<CreateConversionKeyResponse> {
    const data: CreateConversionKeyData = {
      keyId: newConversionKeyId(),
      label: body.label,
      actorRole: user.role,
    };
    const outcome = await this.send(user, 'CreateConversionKey', data);
    const secret = conversionKeySecret(
      this.config.PARLEY_AUTH_SECRET,
      user.workspaceId,
      data.keyId,
    );
    return { ...outcome, keyId: data.keyId, secret };
  }

  @Post('conversion-keys/:keyId/revoke')
  @HttpCode(202)
  @UseGuards(AdminGuard)
  revokeConversionKey(
    @CurrentUser() user: User,
    @Param('keyId') keyId: string,
  ): Promise<CommandResponse> {
    const data: RevokeConversionKeyData = { keyId, actorRole: user.role };
    return this.send(user, 'RevokeConversionKey', data);
  }

  private send(user: User, type: string, data: object): Promise<CommandResponse> {
    return this.commands.send(CRM_SERVICE, user, crmSettingsId(user.workspaceId), type, data);
  }
}
