import {
  CARDS_COLLECTION,
  TIMELINE_COLLECTION,
  TRANSLATION_SETTINGS_COLLECTION,
  DEFAULT_TEAM_LANGUAGE,
  type ConversationTranslationEvent,
  type EventEnvelope,
  type TimelineTranslation,
  type TranslationSettingsEvent,
} from '@parley/contracts';
import { assertNever } from '@parley/decider';
import { markApplied, notYetApplied } from '../applied-revision';
import { withInsertDefaults } from '../insert-defaults';
import type {
  ProjectableEvent,
  Projection,
  ReadModelOperation,
  WorkspaceProjection,
} from '../read-model-operation';
import { timelineItemId, timelineOrderKey, timelineSeq } from '../timeline/timeline-projection';

/** A conversation's translation events (C2, B7): on its messages, its card and its timeline. */
export const CONVERSATION_TRANSLATION_TYPES: readonly ConversationTranslationEvent['type'][] = [
  'Translation.LanguageDetected',
  'Translation.MessageTranslated',
  'Translation.MessageTranslationFailed',
  'Translation.ConversationLanguagesChosen',
  'Translation.ConversationScored',
  'Translation.ConversationScoringFailed',
];

/** A workspace's translation settings events, projected into `translation_settings`. */
export const TRANSLATION_SETTINGS_TYPES: readonly TranslationSettingsEvent['type'][] = [
  'Translation.SettingsChanged',
  'Translation.AssistantConfigured',
];

export const isProjectedConversationTranslationEvent = (
  event: EventEnvelope,
): event is ConversationTranslationEvent =>
  (CONVERSATION_TRANSLATION_TYPES as readonly string[]).includes(event.type);

export const isProjectedTranslationSettingsEvent = (
  event: EventEnvelope,
): event is TranslationSettingsEvent =>
  (TRANSLATION_SETTINGS_TYPES as readonly string[]).includes(event.type);

/**
 * What a conversation's translation event does to its read models:
 * - a message's detected language and translation (or why it failed) are fields of the
 *   message's timeline item, `language` and `translation`. The translation service reads the
 *   conversation's topic, so its events can reach the projector before the message's own: the
 *   operation upserts the item by id, and the message's event later fills in the rest. Until
 *   then the item has no workspace, so no query returns it half made.
 * - the detected and chosen languages are on the card (`languages`);
 * - a scoring (or its failure) is an action item of its own at the time it was made, by the
 *   manager who asked for it.
 */
export const conversationTranslationProjection = (
  event: ConversationTranslationEvent,
  source: ProjectableEvent,
): Projection => {
  const { conversationId } = event.data;
  const workspaceId = event.metadata.workspaceId;
  const guard = notYetApplied(source.streamName, source.revision);
  const applied = markApplied(source.streamName, source.revision);

  const onMessage = (messageId: string, fields: Record<string, unknown>): ReadModelOperation => ({
    collection: TIMELINE_COLLECTION,
    filter: { _id: timelineItemId(conversationId, messageId), ...guard },
    update: { $set: { ...fields, ...applied } },
    upsert: true,
  });
  const onCard = (fields: Record<string, unknown>): ReadModelOperation => ({
    collection: CARDS_COLLECTION,
    filter: { _id: conversationId, ...guard },
    update: withInsertDefaults(
      { $set: { ...fields, ...applied } },
      {
        workspaceId,
        contact: null,
        deal: null,
        'languages.detected': null,
        'languages.client': null,
        'languages.team': null,
      },
    ),
    upsert: true,
  });
  const actionItem = (
    action: string,
    summary: string,
    details: Record<string, unknown>,
    at: string,
  ): ReadModelOperation => ({
    collection: TIMELINE_COLLECTION,
    filter: { _id: timelineItemId(conversationId, event.metadata.eventId), ...guard },
    update: {
      $set: {
        workspaceId,
        conversationId,
        at,
        seq: timelineSeq(source.position),
        orderKey: timelineOrderKey(at, source.position, 'not a client message'),
        actor: event.metadata.actor,
        item: { kind: 'action', action, summary, details },
        ...applied,
      },
    },
    upsert: true,
  });

  const operations = ((): ReadModelOperation[] => {
    switch (event.type) {
      case 'Translation.LanguageDetected': {
        const { messageId, language } = event.data;
        return [onMessage(messageId, { language }), onCard({ 'languages.detected': language })];
      }
      case 'Translation.MessageTranslated': {
        const { messageId, from, to, text } = event.data;
        const translation: TimelineTranslation = { status: 'translated', text, from, to };
        return [onMessage(messageId, { translation })];
      }
      case 'Translation.MessageTranslationFailed': {
        const { messageId, to, reason, retryable } = event.data;
        const translation: TimelineTranslation = { status: 'failed', to, reason, retryable };
        return [onMessage(messageId, { translation })];
      }
      case 'Translation.ConversationLanguagesChosen':
        return [
          onCard({
            'languages.client': event.data.clientLanguage,
            'languages.team': event.data.teamLanguage,
          }),
        ];
      case 'Translation.ConversationScored': {
        const { summary, nextStep, model, demo, scoredAt } = event.data;
        return [
          actionItem(
            'conversation.scored',
            `AI summary (${model})`,
            { summary, nextStep, model, demo },
            scoredAt,
          ),
        ];
      }
      case 'Translation.ConversationScoringFailed': {
        const { reason, detail } = event.data;
        return [
          actionItem(
            'conversation.scoring_failed',
            `AI summary failed: ${reason}`,
            { reason, detail },
            event.metadata.occurredAt,
          ),
        ];
      }
      default:
        return assertNever(event, 'conversation translation event');
    }
  })();
  return { workspaceId, conversationId, operations };
};

/**
 * The `translation_settings` document of the event's workspace (`_id` = workspaceId): the
 * provider, the team's language and whether an AI assistant is set (with its model); never the
 * sealed settings themselves.
 */
export const translationSettingsProjection = (
  event: TranslationSettingsEvent,
  source: ProjectableEvent,
): WorkspaceProjection => {
  const workspaceId = event.metadata.workspaceId;
  const set = (fields: Record<string, unknown>): ReadModelOperation => ({
    collection: TRANSLATION_SETTINGS_COLLECTION,
    filter: { _id: workspaceId, ...notYetApplied(source.streamName, source.revision) },
    update: withInsertDefaults(
      { $set: { ...fields, ...markApplied(source.streamName, source.revision) } },
      {
        workspaceId,
        provider: null,
        teamLanguage: DEFAULT_TEAM_LANGUAGE,
        'assistant.configured': false,
        'assistant.model': null,
      },
    ),
    upsert: true,
  });
  switch (event.type) {
    case 'Translation.SettingsChanged':
      return {
        workspaceId,
        operations: [set({ provider: event.data.provider, teamLanguage: event.data.teamLanguage })],
      };
    case 'Translation.AssistantConfigured':
      return {
        workspaceId,
        operations: [
          set({
            'assistant.configured': event.data.sealed !== null,
            'assistant.model': event.data.sealed === null ? null : event.data.model,
          }),
        ],
      };
    default:
      return assertNever(event, 'translation settings event');
  }
};
