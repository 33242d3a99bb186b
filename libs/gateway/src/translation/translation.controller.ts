import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpException,
  HttpStatus,
  Inject,
  Param,
  Post,
  Put,
  UseGuards,
} from '@nestjs/common';
import {
  assistantKeySealContext,
  AssistantRequest,
  AssistantSettingsRequest,
  ConversationLanguagesRequest,
  DEFAULT_TEAM_LANGUAGE,
  DraftTranslationRequest,
  newId,
  TRANSLATION_SERVICE,
  TRANSLATION_SETTINGS_COLLECTION,
  translationDraftKey,
  translationSettingsKey,
  TranslationSettingsRequest,
  type ChangeTranslationSettingsData,
  type ChooseConversationLanguagesData,
  type CommandResponse,
  type ConfigureAssistantData,
  type DraftReplyData,
  type DraftTranslation,
  type ReplyAdvice,
  type RetryTranslationData,
  type ScoreConversationData,
  type TranslateDraftData,
  type TranslationSettingsView,
  type User,
} from '@parley/contracts';
import { READ_STORE, SecretBox } from '@parley/platform';
import type { ReadStore } from '@parley/read-store';
import { AccessTokenGuard } from '../auth/access-token.guard';
import { CurrentUser } from '../auth/current-user.decorator';
import { ChatQueries } from '../chats/chat-queries';
import { GatewayCommands } from '../commands/gateway-commands';
import { AdminGuard } from '../crm/admin.guard';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { DraftAnswers } from './draft-answers';

/**
 * Translation and the AI assistant (issue 12: C2, B4, B5, B7). Every command goes to the
 * translation service and is answered as every command is (202, or 404/422 with the rule's code
 * and message). A draft request (translation preview, AI reply) waits for its command's outcome,
 * then answers with what the service stored on the draft's stream (200), or with why there is
 * none (503 when it may work later, 422 otherwise).
 */
@Controller('api')
@UseGuards(AccessTokenGuard)
export class TranslationController {
  /** Seals an assistant's API key for the bus (PARLEY_SECRET_KEY); null without a key. */
  private readonly box: SecretBox | null;

  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(GatewayCommands) private readonly commands: GatewayCommands,
    @Inject(ChatQueries) private readonly chats: ChatQueries,
    @Inject(DraftAnswers) private readonly drafts: DraftAnswers,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.box = config.PARLEY_SECRET_KEY ? SecretBox.fromBase64Key(config.PARLEY_SECRET_KEY) : null;
  }

  /** What every user may read of the settings: provider, team language, whether AI is set. */
  @Get('translation/settings')
  async settings(@CurrentUser() user: User): Promise<TranslationSettingsView> {
    const document = await this.readStore
      .collection(TRANSLATION_SETTINGS_COLLECTION)
      .findOne({ _id: user.workspaceId });
    const assistant = document?.['assistant'] as TranslationSettingsView['assistant'] | undefined;
    return {
      provider: (document?.['provider'] as TranslationSettingsView['provider']) ?? null,
      teamLanguage: (document?.['teamLanguage'] as string | undefined) ?? DEFAULT_TEAM_LANGUAGE,
      assistant: { configured: assistant?.configured ?? false, model: assistant?.model ?? null },
    };
  }

  @Put('translation/settings')
  @UseGuards(AdminGuard)
  @HttpCode(202)
  changeSettings(
    @CurrentUser() user: User,
    @Body() body: TranslationSettingsRequest,
  ): Promise<CommandResponse> {
    const data: ChangeTranslationSettingsData = {
      provider: body.provider,
      teamLanguage: body.teamLanguage,
      actorRole: user.role,
    };
    return this.send(
      user,
      translationSettingsKey(user.workspaceId),
      'ChangeTranslationSettings',
      data,
    );
  }

  /**
   * The AI assistant's endpoint, model and key. The key is sealed here, before the command goes
   * on the bus (no plaintext key on a topic or in an event); the service opens it and seals the
   * settings whole before they are stored.
   */
  @Put('translation/assistant')
  @UseGuards(AdminGuard)
  @HttpCode(202)
  configureAssistant(
    @CurrentUser() user: User,
    @Body() body: AssistantSettingsRequest,
  ): Promise<CommandResponse> {
    const data: ConfigureAssistantData = {
      endpoint: body.endpoint,
      model: body.model,
      sealedApiKey: body.apiKey ? this.sealApiKey(user.workspaceId, body.apiKey) : null,
      actorRole: user.role,
    };
    return this.send(user, translationSettingsKey(user.workspaceId), 'ConfigureAssistant', data);
  }

  @Delete('translation/assistant')
  @UseGuards(AdminGuard)
  @HttpCode(202)
  removeAssistant(@CurrentUser() user: User): Promise<CommandResponse> {
    const data: ConfigureAssistantData = {
      endpoint: null,
      model: null,
      sealedApiKey: null,
      actorRole: user.role,
    };
    return this.send(user, translationSettingsKey(user.workspaceId), 'ConfigureAssistant', data);
  }

  /** The chat's own languages (C2); null is automatic. */
  @Put('chats/:conversationId/languages')
  @HttpCode(202)
  async chooseLanguages(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
    @Body() body: ConversationLanguagesRequest,
  ): Promise<CommandResponse> {
    await this.chats.assertChatExists(user, conversationId);
    const data: ChooseConversationLanguagesData = {
      conversationId,
      clientLanguage: body.clientLanguage,
      teamLanguage: body.teamLanguage,
    };
    return this.send(user, conversationId, 'ChooseConversationLanguages', data);
  }

  /** Translate a client message again after a failure. */
  @Post('chats/:conversationId/messages/:messageId/retry-translation')
  @HttpCode(202)
  async retryTranslation(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
    @Param('messageId') messageId: string,
  ): Promise<CommandResponse> {
    await this.chats.assertChatExists(user, conversationId);
    const data: RetryTranslationData = { conversationId, messageId };
    return this.send(user, conversationId, 'RetryTranslation', data);
  }

  /** The manager's draft in the client's language (B4), to edit before sending. */
  @Post('chats/:conversationId/translation-preview')
  @HttpCode(200)
  async translationPreview(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
    @Body() body: DraftTranslationRequest,
  ): Promise<DraftTranslation> {
    await this.chats.assertChatExists(user, conversationId);
    const data: TranslateDraftData = { draftId: newId(), conversationId, text: body.text };
    await this.send(
      user,
      translationDraftKey(user.workspaceId, data.draftId),
      'TranslateDraft',
      data,
    );
    const { text, from, to, provider } = await this.drafts.translation(user, data.draftId);
    return { text, from, to, provider };
  }

  /** An AI reply draft (B5) in the manager's language; never sent by itself. */
  @Post('chats/:conversationId/advice')
  @HttpCode(200)
  async advice(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
    @Body() body: AssistantRequest,
  ): Promise<ReplyAdvice> {
    await this.chats.assertChatExists(user, conversationId);
    const data: DraftReplyData = {
      draftId: newId(),
      conversationId,
      language: body.language ?? null,
    };
    await this.send(user, translationDraftKey(user.workspaceId, data.draftId), 'DraftReply', data);
    const { text, language, model, demo } = await this.drafts.advice(user, data.draftId);
    return { text, language, model, demo };
  }

  /** An AI summary and next step (B7): the result arrives on the timeline. */
  @Post('chats/:conversationId/score')
  @HttpCode(202)
  async score(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
    @Body() body: AssistantRequest,
  ): Promise<CommandResponse> {
    await this.chats.assertChatExists(user, conversationId);
    const data: ScoreConversationData = { conversationId, language: body.language ?? null };
    return this.send(user, conversationId, 'ScoreConversation', data);
  }

  private sealApiKey(workspaceId: string, apiKey: string): string {
    if (!this.box) {
      throw new HttpException(
        {
          statusCode: HttpStatus.UNPROCESSABLE_ENTITY,
          error: 'Unprocessable Entity',
          message:
            'The AI assistant cannot be saved with a key: the gateway has no PARLEY_SECRET_KEY to seal it with.',
          code: 'assistant.no_secret_key',
        },
        HttpStatus.UNPROCESSABLE_ENTITY,
      );
    }
    return this.box.seal(apiKey, assistantKeySealContext(workspaceId));
  }

  private send(user: User, aggregateId: string, type: string, data: object) {
    return this.commands.send(TRANSLATION_SERVICE, user, aggregateId, type, data);
  }
}
