import {
  streamName,
  telegramContactId,
  telegramConversationId,
  telegramDealId,
  type Actor,
  type EventEnvelope,
  type Tag,
} from '@parley/contracts';
import type { ProjectableEvent } from '@parley/projections';
import { seededRandom as random } from '@parley/test-infra';
import { LANGUAGES, TAG_NAMES, vocabularyOf, type Language } from './vocabulary';

/**
 * A workspace at scale for the issue 11 benchmark: `conversations` Telegram conversations, each
 * with its contact, deal, a few of 50 tags and about `messagesPerConversation` text messages in
 * one of three languages, as the conversation and CRM services record them (one stream per
 * aggregate, revisions from 0, global positions in order). Deterministic for a seed, and
 * generated lazily, so two million messages never sit in memory at once.
 */
export interface WorkspaceShape {
  readonly workspaceId: string;
  readonly conversations: number;
  /** The mean; each conversation has between 1 and twice this many messages. */
  readonly messagesPerConversation: number;
  readonly seed?: number;
  /**
   * Also record the language detected for each client message (`Translation.LanguageDetected`,
   * as the translation service does), so its words are stemmed in its language. Default false.
   */
  readonly detectLanguages?: boolean;
}

/** What the generator wrote, for the benchmark's queries and its report. */
export interface GeneratedConversation {
  readonly conversationId: string;
  readonly name: string;
  readonly username: string | null;
  readonly language: Language;
  readonly tags: readonly string[];
  readonly messages: number;
}

const BOT_ID = '100';
/** Where clients come from (R2); null: no tracking link. */
const SOURCES = ['instagram', 'facebook', 'google', 'tiktok', null] as const;
const DAY_MS = 24 * 3600 * 1000;
const HORIZON_DAYS = 90;
const FIRST_DAY = Date.UTC(2026, 6, 1);

const colourOf = (tag: string): string => {
  let hash = 0;
  for (const char of tag) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `#${(hash & 0xffffff).toString(16).padStart(6, '0')}`;
};

const pick = <T>(items: readonly T[], next: () => number): T =>
  items[Math.floor(next() * items.length)] as T;

/** A sentence of 3 to 24 words: most chat messages are short, some are paragraphs. */
const sentence = (words: readonly string[], next: () => number): string => {
  const length = 3 + Math.floor(next() * next() * 22);
  const chosen = Array.from({ length }, () => pick(words, next));
  const text = chosen.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${next() < 0.2 ? '?' : '.'}`;
};

export function* workspaceEvents(
  shape: WorkspaceShape,
  onConversation?: (conversation: GeneratedConversation) => void,
): Generator<ProjectableEvent> {
  const next = random(shape.seed ?? 11);
  const revisions = new Map<string, number>();
  let position = 0;
  const { workspaceId } = shape;
  const record = (stream: string, event: EventEnvelope): ProjectableEvent => {
    const revision = (revisions.get(stream) ?? -1) + 1;
    revisions.set(stream, revision);
    position += 1;
    return { streamName: stream, revision, position: String(position), event };
  };
  const envelope = (
    type: string,
    data: object,
    aggregateId: string,
    occurredAt: string,
    actor: Actor,
  ): EventEnvelope =>
    ({
      type,
      data,
      metadata: {
        eventId: `scale-${workspaceId}-${position + 1}`,
        workspaceId,
        aggregateId,
        occurredAt,
        schemaVersion: 1,
        correlationId: `scale-${aggregateId}`,
        causationId: null,
        actor,
      },
    }) as unknown as EventEnvelope;

  for (let i = 0; i < shape.conversations; i += 1) {
    const chatId = String(1_000_000 + i);
    const language = LANGUAGES[i % LANGUAGES.length] as Language;
    const vocabulary = vocabularyOf(language);
    const conversationId = telegramConversationId(workspaceId, BOT_ID, chatId);
    const contactId = telegramContactId(workspaceId, chatId);
    const dealId = telegramDealId(workspaceId, chatId);
    const conversationStream = streamName('conversation', conversationId);
    const contactStream = streamName('crm', contactId);
    const dealStream = streamName('crm', dealId);
    const translationStream = streamName('translation', conversationId);
    const firstName = pick(vocabulary.firstNames, next);
    const lastName = pick(vocabulary.lastNames, next);
    const username = next() < 0.6 ? `${firstName}_${lastName}_${i}`.toLowerCase() : null;
    const client: Actor = { kind: 'client', id: contactId };
    const crm: Actor = { kind: 'system', id: 'crm' };
    let at = FIRST_DAY + Math.floor(next() * HORIZON_DAYS * DAY_MS);
    const iso = (): string => new Date(at).toISOString();

    yield record(
      conversationStream,
      envelope(
        'Conversation.Started',
        {
          conversationId,
          source: { channel: 'telegram', botId: BOT_ID, chatId },
          client: { externalId: chatId, username, firstName, lastName, languageCode: language },
          startedAt: iso(),
        },
        conversationId,
        iso(),
        client,
      ),
    );
    yield record(
      contactStream,
      envelope(
        'Crm.ContactCreated',
        {
          contactId,
          conversationId,
          channel: 'telegram',
          platform: 'telegram',
          telegramId: chatId,
          username,
          firstName,
          lastName,
          languageCode: language,
          attribution: {
            source: pick(SOURCES, next),
            campaign: null,
            ad: null,
            adSet: null,
            raw: null,
          },
          createdAt: iso(),
        },
        contactId,
        iso(),
        crm,
      ),
    );
    yield record(
      dealStream,
      envelope(
        'Crm.DealCreated',
        {
          dealId,
          contactId,
          conversationId,
          stage: 'new',
          line: next() < 0.7 ? 1 : 2,
          channel: 'telegram',
          createdAt: iso(),
        },
        dealId,
        iso(),
        crm,
      ),
    );
    const tags: Tag[] = [];
    const tagCount = Math.floor(next() * 4);
    for (let t = 0; t < tagCount; t += 1) {
      const name = pick(TAG_NAMES, next);
      if (tags.some((tag) => tag.name === name)) continue;
      const tag = { name, colour: colourOf(name) };
      tags.push(tag);
      yield record(
        contactStream,
        envelope(
          'Crm.TagAdded',
          { contactId, conversationId, tag, tags: [...tags] },
          contactId,
          iso(),
          { kind: 'manager', id: 'm1' },
        ),
      );
    }
    const messages = 1 + Math.floor(next() * (2 * shape.messagesPerConversation - 1));
    for (let m = 0; m < messages; m += 1) {
      at += 1000 + Math.floor(next() * 600_000);
      const messageId = `${conversationId}-m${m}`;
      const text = sentence(vocabulary.words, next);
      const fromClient = m === 0 || next() < 0.55;
      yield record(
        conversationStream,
        fromClient
          ? envelope(
              'Conversation.ClientMessageReceived',
              {
                conversationId,
                messageId,
                externalMessageId: String(m + 1),
                content: { kind: 'text', text },
                sentAt: iso(),
                clientOrder: m + 1,
                placedAt: iso(),
              },
              conversationId,
              iso(),
              client,
            )
          : envelope(
              'Conversation.ManagerMessageQueued',
              {
                conversationId,
                messageId,
                managerId: 'm1',
                recipient: { channel: 'telegram', botId: BOT_ID, chatId },
                content: { kind: 'text', text },
                queuedAt: iso(),
              },
              conversationId,
              iso(),
              { kind: 'manager', id: 'm1' },
            ),
      );
      if (fromClient && shape.detectLanguages) {
        yield record(
          translationStream,
          envelope(
            'Translation.LanguageDetected',
            { conversationId, messageId, language },
            conversationId,
            iso(),
            { kind: 'system', id: 'translation' },
          ),
        );
      }
    }
    // A conversation's streams are finished once its events are out: forget them (memory).
    revisions.delete(conversationStream);
    revisions.delete(contactStream);
    revisions.delete(dealStream);
    revisions.delete(translationStream);
    onConversation?.({
      conversationId,
      name: `${firstName} ${lastName}`,
      username,
      language,
      tags: tags.map((t) => t.name),
      messages,
    });
  }
}
