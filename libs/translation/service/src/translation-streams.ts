import {
  EventCatalog,
  readEvent,
  streamName,
  translationDraftKey,
  translationEventDefinitions,
  translationSettingsKey,
  type AppendedPosition,
  type CommandEnvelope,
} from '@parley/contracts';
import { handleCommand } from '@parley/command-handling';
import { foldEvents, type DecidedEvent, type Decider } from '@parley/decider';
import type { EventStore } from '@parley/eventstore';
import {
  conversationTranslationDecider,
  draftDecider,
  translationSettingsDecider,
  type ConversationTranslationCommand,
  type ConversationTranslationState,
  type DraftCommand,
  type DraftState,
  type TranslationSettingsCommand,
  type TranslationSettingsState,
} from '@parley/translation-domain';

/** The translation context: streams `translation-…`, events on `parley.translation.events`. */
export const TRANSLATION_CONTEXT = 'translation';

/** What was detected and translated of a conversation: `translation-{conversationId}`. */
export const conversationTranslationStream = (conversationId: string): string =>
  streamName(TRANSLATION_CONTEXT, conversationId);

/** A workspace's provider, team language and assistant: `translation-{ws}:settings`. */
export const translationSettingsStream = (workspaceId: string): string =>
  streamName(TRANSLATION_CONTEXT, translationSettingsKey(workspaceId));

/** One draft request's answer: `translation-{ws}:draft:{draftId}`. */
export const draftStream = (workspaceId: string, draftId: string): string =>
  streamName(TRANSLATION_CONTEXT, translationDraftKey(workspaceId, draftId));

/** The translation events, for reading the store and the bus (envelope and payload checked). */
export const translationCatalog = new EventCatalog().register(...translationEventDefinitions);

/** A stream of this service, read, checked and folded into its decider's state. */
const readState = async <E extends DecidedEvent, S>(
  store: EventStore,
  stream: string,
  decider: Decider<never, E, S>,
): Promise<S> =>
  foldEvents(
    decider,
    (await store.readStream(stream)).map(
      (r) => readEvent(translationCatalog, r.event) as unknown as E,
    ),
  );

export const readConversationTranslation = (
  store: EventStore,
  conversationId: string,
): Promise<ConversationTranslationState> =>
  readState(store, conversationTranslationStream(conversationId), conversationTranslationDecider);

export const readTranslationSettings = (
  store: EventStore,
  workspaceId: string,
): Promise<TranslationSettingsState> =>
  readState(store, translationSettingsStream(workspaceId), translationSettingsDecider);

export const readDraft = (
  store: EventStore,
  workspaceId: string,
  draftId: string,
): Promise<DraftState> => readState(store, draftStream(workspaceId, draftId), draftDecider);

/**
 * Run one command on a conversation's translation stream (handleCommand). `causationId`: the
 * event a reaction answers (a client message), else the command.
 */
export const runConversationCommand = (
  store: EventStore,
  command: ConversationTranslationCommand,
  envelope: CommandEnvelope,
  causationId?: string,
): Promise<AppendedPosition[]> =>
  handleCommand({
    store,
    streamName: conversationTranslationStream(command.conversationId),
    aggregateId: command.conversationId,
    decider: conversationTranslationDecider,
    command,
    envelope,
    ...(causationId ? { causationId } : {}),
  });

/** Run one command on the envelope's workspace's settings stream. */
export const runSettingsCommand = (
  store: EventStore,
  command: TranslationSettingsCommand,
  envelope: CommandEnvelope,
): Promise<AppendedPosition[]> =>
  handleCommand({
    store,
    streamName: translationSettingsStream(envelope.metadata.workspaceId),
    aggregateId: translationSettingsKey(envelope.metadata.workspaceId),
    decider: translationSettingsDecider,
    command,
    envelope,
  });

/** Answer one draft request on its stream in the envelope's workspace. */
export const runDraftCommand = (
  store: EventStore,
  command: DraftCommand,
  envelope: CommandEnvelope,
): Promise<AppendedPosition[]> =>
  handleCommand({
    store,
    streamName: draftStream(envelope.metadata.workspaceId, command.draftId),
    aggregateId: translationDraftKey(envelope.metadata.workspaceId, command.draftId),
    decider: draftDecider,
    command,
    envelope,
  });
