import { Inject, Injectable } from '@nestjs/common';
import { assistantKeySealContext, type ConfigureAssistantData } from '@parley/contracts';
import { DomainRuleViolation } from '@parley/decider';
import type { EventStore } from '@parley/eventstore';
import { EVENT_STORE, SecretBox, SecretBoxOpenFailed } from '@parley/platform';
import type { AssistantState } from '@parley/translation-domain';
import type { ChatCompletionProvider } from '../chat-completion/chat-completion.port';
import { DemoChatCompletion } from '../chat-completion/demo/demo-chat-completion';
import { OpenAiCompatibleChatCompletion } from '../chat-completion/openai-compatible/openai-compatible-chat-completion';
import { TRANSLATION_SERVICE_OPTIONS, type TranslationServiceOptions } from '../options';
import { validateChatCompletionSettings } from '../settings/chat-completion-settings';
import {
  openChatCompletionSettings,
  sealChatCompletionSettings,
} from '../settings/sealed-chat-completion-settings';
import { readTranslationSettings } from '../translation-streams';

/** Who answers a workspace's advice and scoring requests, or why nobody does. */
export type AssistantChoice =
  | { readonly kind: 'ready'; readonly provider: ChatCompletionProvider; readonly demo: boolean }
  | { readonly kind: 'none'; readonly detail: string };

/** What `ConfigureAssistant` stores: the sealed settings and the model, or null for none. */
export interface SealedAssistant {
  readonly sealed: string | null;
  readonly model: string | null;
}

/**
 * The workspaces' AI assistants (B5, B7): each workspace's OpenAI-compatible settings, sealed
 * with the service's key (PARLEY_SECRET_KEY) before they are stored and opened when a request
 * comes. Without an assistant, the labelled demo provider answers when the process runs with
 * `demo`; otherwise the request fails as `not_configured`.
 */
@Injectable()
export class Assistants {
  private readonly box: SecretBox | null;
  private readonly demo = new DemoChatCompletion();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(TRANSLATION_SERVICE_OPTIONS) private readonly options: TranslationServiceOptions,
  ) {
    this.box = options.secretKey ? SecretBox.fromBase64Key(options.secretKey) : null;
  }

  /** The workspace's assistant, the demo one, or why there is none. */
  async of(workspaceId: string): Promise<AssistantChoice> {
    const { assistant } = await readTranslationSettings(this.store, workspaceId);
    if (assistant.status === 'none') {
      return this.options.demo
        ? { kind: 'ready', provider: this.demo, demo: true }
        : {
            kind: 'none',
            detail:
              'No AI assistant is configured for this workspace: an admin sets one in the settings.',
          };
    }
    if (!this.box) {
      return {
        kind: 'none',
        detail:
          'The AI assistant is configured, but the translation service has no PARLEY_SECRET_KEY to open its settings.',
      };
    }
    try {
      const settings = openChatCompletionSettings(this.box, workspaceId, assistant.sealed);
      return {
        kind: 'ready',
        provider: new OpenAiCompatibleChatCompletion({
          endpoint: settings.endpoint,
          model: settings.model,
          ...(settings.apiKey ? { apiKey: settings.apiKey } : {}),
        }),
        demo: false,
      };
    } catch (error) {
      if (!(error instanceof SecretBoxOpenFailed)) throw error;
      return {
        kind: 'none',
        detail: `The AI assistant's stored settings cannot be opened (${error.reason}): an admin sets them again.`,
      };
    }
  }

  /**
   * The settings of `ConfigureAssistant`, checked and sealed for the workspace (null endpoint:
   * removed). The API key arrives sealed by the gateway and is opened here only to seal the
   * settings whole. Settings equal to the stored ones come back as the stored sealed value, so
   * the decider sees that nothing changed. Refused when they are not valid, there is no key, or
   * the gateway's sealed key does not open (the two processes hold different keys).
   */
  async seal(workspaceId: string, data: ConfigureAssistantData): Promise<SealedAssistant> {
    if (data.endpoint === null) return { sealed: null, model: null };
    if (!this.box) {
      throw new DomainRuleViolation(
        'assistant.no_secret_key',
        'The AI assistant cannot be saved: the translation service has no PARLEY_SECRET_KEY to seal its key with.',
      );
    }
    const validation = validateChatCompletionSettings({
      endpoint: data.endpoint,
      model: data.model,
      apiKey: this.openApiKey(this.box, workspaceId, data.sealedApiKey),
    });
    if (!validation.ok) {
      throw new DomainRuleViolation(
        'assistant.invalid',
        `The AI assistant cannot be saved: ${validation.issues.map((i) => `${i.field}: ${i.message}`).join('; ')}.`,
      );
    }
    const { settings } = validation;
    const stored = (await readTranslationSettings(this.store, workspaceId)).assistant;
    if (this.sameAsStored(workspaceId, stored, settings)) {
      return {
        sealed: stored.status === 'configured' ? stored.sealed : null,
        model: settings.model,
      };
    }
    return {
      sealed: sealChatCompletionSettings(this.box, workspaceId, settings),
      model: settings.model,
    };
  }

  /** The key the gateway sealed into the command (assistantKeySealContext), in clear. */
  private openApiKey(box: SecretBox, workspaceId: string, sealed: string | null): string | null {
    if (sealed === null) return null;
    try {
      return box.open(sealed, assistantKeySealContext(workspaceId));
    } catch (error) {
      if (!(error instanceof SecretBoxOpenFailed)) throw error;
      throw new DomainRuleViolation(
        'assistant.key_unreadable',
        `The AI assistant cannot be saved: its key, sealed by the gateway, does not open here (${error.reason}); the gateway and the translation service must share PARLEY_SECRET_KEY.`,
      );
    }
  }

  private sameAsStored(
    workspaceId: string,
    stored: AssistantState,
    settings: { endpoint: string; model: string; apiKey?: string },
  ): boolean {
    if (stored.status !== 'configured' || !this.box) return false;
    try {
      const open = openChatCompletionSettings(this.box, workspaceId, stored.sealed);
      return (
        open.endpoint === settings.endpoint &&
        open.model === settings.model &&
        open.apiKey === settings.apiKey
      );
    } catch {
      return false;
    }
  }
}
