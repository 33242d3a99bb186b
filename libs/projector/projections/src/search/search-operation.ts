/**
 * What the projector asks of the search read model (L2), as plain data: the search-projection
 * computes them from events (pure), a `SearchIndex` adapter applies them.
 *
 * Each operation sets only its own fields, so the conversation, CRM and translation topics can
 * arrive in any order. Those that replace a value carry the event's global `position`: the index
 * keeps the value of the latest position, so a replayed or redelivered event changes nothing.
 */
export type SearchOperation =
  | SearchContactProfile
  | SearchContactTags
  | SearchConversationActivity
  | SearchMessage
  | SearchMessageLanguage
  | SearchMessageTranslation;

interface InConversation {
  readonly workspaceId: string;
  readonly conversationId: string;
}

/** The client's name and username, from the conversation's start or the CRM contact. */
export interface SearchContactProfile extends InConversation {
  readonly kind: 'contact-profile';
  readonly position: string;
  readonly name: string;
  /** Null: the client has none; undefined: this event does not say (keep what is known). */
  readonly username?: string | null;
}

/** The contact's tags, the whole list after the change. */
export interface SearchContactTags extends InConversation {
  readonly kind: 'contact-tags';
  readonly position: string;
  readonly tags: readonly string[];
}

/** The chat's last activity moves to `at` unless it is later already. */
export interface SearchConversationActivity extends InConversation {
  readonly kind: 'conversation-activity';
  readonly at: string;
}

/**
 * A message's text (a text, or a caption). `orderKey`, `direction` and `at` place it on the
 * timeline; null keeps what is known (an edit names the message, not its place).
 */
export interface SearchMessage extends InConversation {
  readonly kind: 'message';
  readonly position: string;
  /** The timeline item's `_id`, so a hit opens the timeline at the message. */
  readonly timelineItemId: string;
  readonly text: string;
  readonly orderKey: string | null;
  readonly direction: 'in' | 'out' | null;
  readonly at: string | null;
}

/** The language detected for a message (`ru`, `en`, `es`, ...): how its words are stemmed. */
export interface SearchMessageLanguage extends InConversation {
  readonly kind: 'message-language';
  readonly position: string;
  readonly timelineItemId: string;
  readonly language: string;
}

/** A message's translation (issue 12): found by its words too. */
export interface SearchMessageTranslation extends InConversation {
  readonly kind: 'message-translation';
  readonly position: string;
  readonly timelineItemId: string;
  readonly text: string;
  readonly language: string;
}
