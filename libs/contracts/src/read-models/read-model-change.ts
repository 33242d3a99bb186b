/**
 * What the projector announces after it changed read-model documents; the gateway pushes it to
 * the browsers of the workspace over WebSocket, and they refetch what they show.
 */
export interface ReadModelChange {
  readonly workspaceId: string;
  readonly conversationId: string;
  readonly collections: readonly ('chats' | 'timeline' | 'cards')[];
  /** Global position of the event that caused the change. */
  readonly position: string;
}

/** Not stored: change notifications are ephemeral, published straight on the bus. */
export const READ_MODEL_CHANGES_TOPIC = 'parley.read-model.changes';
