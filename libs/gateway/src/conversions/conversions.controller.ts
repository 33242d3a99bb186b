import {
  BadRequestException,
  Body,
  Controller,
  HttpCode,
  Inject,
  NotFoundException,
  Post,
  Req,
  UseGuards,
} from '@nestjs/common';
import {
  CARDS_COLLECTION,
  CRM_SERVICE,
  ConversionRequest,
  systemActor,
  telegramContactId,
  type ClientCard,
  type CommandResponse,
  type RecordConversionData,
} from '@parley/contracts';
import { CLOCK, READ_STORE, type Clock } from '@parley/platform';
import type { ReadStore } from '@parley/read-store';
import { GatewayCommands } from '../commands/gateway-commands';
import {
  ConversionSignatureGuard,
  type SignedConversionRequest,
} from './conversion-signature.guard';

/**
 * `POST /api/conversions` (A3): an external system reports a registration or a deposit, signed
 * with a conversion key (ConversionSignatureGuard). The contact is named by Telegram id or by
 * the click id of their registration link (R7). A replayed report is answered 202 like the
 * first and has no effect: the contact records each external id once. (Not a command id derived
 * from the external id: a command sent again is not answered again, so the replay would wait
 * for an outcome until the command timeout.)
 */
@Controller('api/conversions')
@UseGuards(ConversionSignatureGuard)
export class ConversionsController {
  constructor(
    @Inject(GatewayCommands) private readonly commands: GatewayCommands,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(202)
  async record(
    @Req() request: SignedConversionRequest,
    @Body() body: ConversionRequest,
  ): Promise<CommandResponse> {
    const { workspaceId, keyId } = request.conversionKey;
    if ((body.telegramId === undefined) === (body.clickId === undefined)) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'give exactly one of telegramId and clickId',
        issues: [{ field: 'telegramId', reason: 'give exactly one of telegramId and clickId' }],
      });
    }
    const contactId =
      body.telegramId !== undefined
        ? telegramContactId(workspaceId, body.telegramId)
        : await this.contactOfClick(workspaceId, body.clickId!);
    const occurredAt = new Date(
      body.occurredAt !== undefined ? body.occurredAt * 1000 : this.clock().getTime(),
    ).toISOString();
    const data: RecordConversionData = {
      contactId,
      conversionType: body.type,
      externalId: body.externalId,
      keyId,
      amount: body.amount ?? null,
      currency: body.currency ?? null,
      accountId: body.accountId ?? null,
      occurredAt,
    };
    return this.commands.sendAs(CRM_SERVICE, systemActor(`conversion-key:${keyId}`), workspaceId, {
      aggregateId: contactId,
      type: 'RecordConversion',
      data,
    });
  }

  private async contactOfClick(workspaceId: string, clickId: string): Promise<string> {
    const document = await this.readStore
      .collection(CARDS_COLLECTION)
      .findOne({ workspaceId, 'contact.clickId': clickId });
    const card = document as unknown as ClientCard | null;
    if (!card?.contact) {
      throw new NotFoundException({
        statusCode: 404,
        error: 'Not Found',
        message: `no client has the click id ${clickId}`,
      });
    }
    return card.contact.contactId;
  }
}
