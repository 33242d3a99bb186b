import type { MediaFile, MessageContent, TextEntity } from '@parley/contracts';
import type { TelegramFile, TelegramMessage, TelegramMessageEntity } from './telegram-update.dto';

/**
 * What a message can carry besides text and the kinds Parley shows, in the order they are looked
 * for: the service messages a private chat can hold and the kinds Parley keeps as `unsupported`.
 */
export const UNSUPPORTED_MESSAGE_KINDS: readonly string[] = [
  'game',
  'story',
  'invoice',
  'paid_media',
  'checklist',
  'giveaway',
  'giveaway_winners',
  'successful_payment',
  'refunded_payment',
  'users_shared',
  'chat_shared',
  'write_access_allowed',
  'pinned_message',
  'message_auto_delete_timer_changed',
];

const textEntities = (
  entities: readonly TelegramMessageEntity[] | undefined,
): readonly TextEntity[] =>
  (entities ?? [])
    .filter((e) => e.length > 0)
    .map((e) => ({
      type: e.type,
      offset: e.offset,
      length: e.length,
      url: e.type === 'text_link' ? (e.url ?? null) : null,
      userId: e.type === 'text_mention' && e.user ? String(e.user.id) : null,
    }));

const mediaFile = (file: TelegramFile): MediaFile => ({
  fileId: file.file_id,
  fileUniqueId: file.file_unique_id,
  fileSize: file.file_size ?? null,
  mimeType: file.mime_type ?? null,
  fileName: file.file_name ?? null,
  // A video note is square: its `length` is the diameter.
  width: file.width ?? file.length ?? null,
  height: file.height ?? file.length ?? null,
  duration: file.duration ?? null,
});

/** The largest size of a photo: most pixels, then the biggest file (Telegram lists smallest first). */
const largestSize = (sizes: readonly TelegramFile[]): TelegramFile =>
  sizes.reduce((best, size) => {
    const area = (size.width ?? 0) * (size.height ?? 0);
    const bestArea = (best.width ?? 0) * (best.height ?? 0);
    if (area !== bestArea) return area > bestArea ? size : best;
    return (size.file_size ?? 0) > (best.file_size ?? 0) ? size : best;
  });

/**
 * The content of a checked client message (C1): text with its entities, each media kind with its
 * file reference and caption, sticker, location, venue, contact, poll, dice; anything else is
 * `unsupported` under the Bot API's name for it (`unknown` when Telegram added a kind Parley does
 * not know), keeping its caption. `rawKeys` are the fields of the message as it arrived: kinds
 * Parley does not check are named from them. Pure.
 */
export const telegramMessageContent = (
  message: TelegramMessage,
  rawKeys: readonly string[],
): MessageContent => {
  const caption = message.caption?.trim() ? message.caption : null;
  const withCaption = <
    K extends 'photo' | 'video' | 'video_note' | 'voice' | 'audio' | 'document' | 'animation',
  >(
    kind: K,
    file: TelegramFile,
  ): MessageContent => {
    const captionEntities = caption === null ? [] : textEntities(message.caption_entities);
    return {
      kind,
      file: mediaFile(file),
      caption,
      ...(captionEntities.length > 0 && { captionEntities }),
    };
  };
  if (message.text !== undefined) {
    return { kind: 'text', text: message.text, entities: textEntities(message.entities) };
  }
  if (message.photo) return withCaption('photo', largestSize(message.photo));
  // An animation message carries `document` too: the animation is what the client sent.
  if (message.animation) return withCaption('animation', message.animation);
  if (message.video) return withCaption('video', message.video);
  if (message.video_note) return withCaption('video_note', message.video_note);
  if (message.voice) return withCaption('voice', message.voice);
  if (message.audio) return withCaption('audio', message.audio);
  if (message.document) return withCaption('document', message.document);
  if (message.sticker) {
    const { sticker } = message;
    return {
      kind: 'sticker',
      file: mediaFile(sticker),
      stickerFormat: sticker.is_video ? 'video' : sticker.is_animated ? 'animated' : 'static',
      emoji: sticker.emoji ?? null,
    };
  }
  // A venue carries its `location` too: the venue says more.
  if (message.venue) {
    const { venue } = message;
    return {
      kind: 'venue',
      latitude: venue.location.latitude,
      longitude: venue.location.longitude,
      title: venue.title,
      address: venue.address,
    };
  }
  if (message.location) {
    const { location } = message;
    return {
      kind: 'location',
      latitude: location.latitude,
      longitude: location.longitude,
      livePeriod: location.live_period ?? null,
    };
  }
  if (message.contact) {
    const { contact } = message;
    return {
      kind: 'contact',
      phoneNumber: contact.phone_number,
      firstName: contact.first_name,
      lastName: contact.last_name ?? null,
      userId: contact.user_id === undefined ? null : String(contact.user_id),
    };
  }
  if (message.poll) {
    const { poll } = message;
    return {
      kind: 'poll',
      question: poll.question,
      options: poll.options.map((o) => o.text),
      pollType: poll.type,
    };
  }
  if (message.dice) return { kind: 'dice', emoji: message.dice.emoji, value: message.dice.value };
  const unsupportedKind = UNSUPPORTED_MESSAGE_KINDS.find((k) => rawKeys.includes(k)) ?? 'unknown';
  return { kind: 'unsupported', unsupportedKind, caption };
};
