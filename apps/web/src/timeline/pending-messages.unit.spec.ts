import type { UploadedAttachment } from '@parley/contracts';
import {
  pendingContent,
  stillPending,
  withPendingMessages,
  type PendingMessage,
} from './pending-messages';
import { aMessageItem } from './timeline-fixtures';

const pending = (messageId: string): PendingMessage => ({
  conversationId: 'c1',
  messageId,
  text: 'hi',
  at: '2026-11-25T10:05:00.000Z',
  attachment: null,
});

const photo: UploadedAttachment = {
  kind: 'photo',
  mediaId: 'md1',
  fileName: 'offer.png',
  contentType: 'image/png',
  size: 48_000,
  durationSeconds: null,
};

describe('pending messages', () => {
  const items = [aMessageItem('m1', '2026-11-25T10:01:00.000Z', '1', 'out')];

  it('given a send the read model does not show yet, then it is shown after the items', () => {
    const shown = withPendingMessages(items, [pending('m2')]);
    expect(shown.map((entry) => entry.source)).toEqual(['read-model', 'pending']);
  });

  it('given a send the read model already shows, then it is shown once, from the read model', () => {
    const shown = withPendingMessages(items, [pending('m1')]);
    expect(shown).toHaveLength(1);
    expect(shown[0].source).toBe('read-model');
    expect(stillPending(items, [pending('m1'), pending('m2')]).map((m) => m.messageId)).toEqual([
      'm2',
    ]);
  });

  it('given a text send, then it shows as its text', () => {
    expect(pendingContent(pending('m2'))).toEqual({ kind: 'text', text: 'hi' });
  });

  it('given a file send, then it shows as the file (kind, name, size) with its caption, if any', () => {
    expect(pendingContent({ ...pending('m2'), attachment: photo, text: 'Our offer' })).toEqual({
      kind: 'photo',
      attachment: { mediaId: 'md1', fileName: 'offer.png', contentType: 'image/png', size: 48_000 },
      caption: 'Our offer',
    });
    const voice = { ...photo, kind: 'voice', fileName: 'voice.ogg', durationSeconds: 3 } as const;
    expect(pendingContent({ ...pending('m3'), attachment: voice, text: '' })).toMatchObject({
      kind: 'voice',
      attachment: { fileName: 'voice.ogg' },
      caption: null,
    });
  });
});
