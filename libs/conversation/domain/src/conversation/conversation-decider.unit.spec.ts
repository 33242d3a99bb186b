import type { ChannelClient, ManagerMessageContent, MessageContent } from '@parley/contracts';
import { deciderSpecification, foldEvents } from '@parley/decider';
import { client as anna, conversationId, source } from '../testing/telegram-chat';
import type { ConversationDecidedEvent } from './conversation-decided-events';
import { conversationDecider } from './conversation-decider';
import type { ConversationCommand } from './conversation-commands';

const client: ChannelClient = { ...anna, languageCode: 'ru' };

const clientSends = (messageId: string, content: MessageContent): ConversationCommand => ({
  kind: 'RecordClientMessage',
  conversationId,
  source,
  client,
  messageId,
  externalMessageId: `ext-${messageId}`,
  content,
  sentAt: '2026-01-01T10:00:00.000Z',
  receivedAt: '2026-01-01T10:00:00.500Z',
});
const clientWrites = (messageId: string, text = 'Hello'): ConversationCommand =>
  clientSends(messageId, { kind: 'text', text });

const started: ConversationDecidedEvent = {
  type: 'Conversation.Started',
  data: { conversationId, source, client, startedAt: '2026-01-01T10:00:00.000Z' },
};
const receivedContent = (messageId: string, content: MessageContent): ConversationDecidedEvent => ({
  type: 'Conversation.ClientMessageReceived',
  data: {
    conversationId,
    messageId,
    externalMessageId: `ext-${messageId}`,
    content,
    sentAt: '2026-01-01T10:00:00.000Z',
    clientOrder: null,
    placedAt: '2026-01-01T10:00:00.500Z',
  },
});
const received = (messageId: string, text = 'Hello'): ConversationDecidedEvent =>
  receivedContent(messageId, { kind: 'text', text });
const photo = {
  kind: 'unsupported',
  unsupportedKind: 'photo',
  caption: 'my receipt',
} as const;
const clientSendsPhoto = (messageId: string): ConversationCommand => clientSends(messageId, photo);
const receivedPhoto = (messageId: string): ConversationDecidedEvent =>
  receivedContent(messageId, photo);
const managerSends = (messageId: string, content: ManagerMessageContent): ConversationCommand => ({
  kind: 'SendMessage',
  conversationId,
  messageId,
  managerId: 'u1',
  content,
  queuedAt: '2026-01-01T10:01:00.000Z',
});
const managerWrites = (messageId: string, text = 'Hi!'): ConversationCommand =>
  managerSends(messageId, { kind: 'text', text });
const queued = (messageId: string, text = 'Hi!'): ConversationDecidedEvent => ({
  type: 'Conversation.ManagerMessageQueued',
  data: {
    conversationId,
    messageId,
    managerId: 'u1',
    recipient: source,
    content: { kind: 'text', text },
    queuedAt: '2026-01-01T10:01:00.000Z',
  },
});
const delivery = (messageId: string): ConversationCommand => ({
  kind: 'RecordDelivery',
  messageId,
  externalMessageId: 'tg-555',
  deliveredAt: '2026-01-01T10:01:02.000Z',
});
const delivered = (messageId: string): ConversationDecidedEvent => ({
  type: 'Conversation.MessageDelivered',
  data: {
    conversationId,
    messageId,
    externalMessageId: 'tg-555',
    deliveredAt: '2026-01-01T10:01:02.000Z',
  },
});
const failure = (messageId: string): ConversationCommand => ({
  kind: 'RecordDeliveryFailure',
  messageId,
  code: 'blocked',
  reason: 'The client blocked the bot',
  failedAt: '2026-01-01T10:01:03.000Z',
});
const failed = (messageId: string): ConversationDecidedEvent => ({
  type: 'Conversation.MessageDeliveryFailed',
  data: {
    conversationId,
    messageId,
    code: 'blocked',
    reason: 'The client blocked the bot',
    failedAt: '2026-01-01T10:01:03.000Z',
  },
});
const failedAs = (messageId: string, code: string, failedAt: string): ConversationDecidedEvent => ({
  type: 'Conversation.MessageDeliveryFailed',
  data: { conversationId, messageId, code, reason: `failed: ${code}`, failedAt },
});
const unconfirmed = (messageId: string): ConversationDecidedEvent =>
  failedAs(messageId, 'unconfirmed', '2026-01-01T10:01:03.000Z');
const retry = (messageId: string): ConversationCommand => ({
  kind: 'RetryMessage',
  messageId,
  managerId: 'u2',
  requeuedAt: '2026-01-01T10:02:00.000Z',
});
const requeued = (messageId: string, retryNo: number): ConversationDecidedEvent => ({
  type: 'Conversation.ManagerMessageRequeued',
  data: {
    conversationId,
    messageId,
    managerId: 'u2',
    recipient: source,
    content: { kind: 'text', text: 'Hi!' },
    retry: retryNo,
    requeuedAt: '2026-01-01T10:02:00.000Z',
  },
});
const markSent = (messageId: string): ConversationCommand => ({
  kind: 'MarkMessageSent',
  messageId,
  managerId: 'u2',
  markedAt: '2026-01-01T10:03:00.000Z',
});
const markedSent = (messageId: string): ConversationDecidedEvent => ({
  type: 'Conversation.MessageMarkedSent',
  data: { conversationId, messageId, managerId: 'u2', markedAt: '2026-01-01T10:03:00.000Z' },
});
const markRead: ConversationCommand = {
  kind: 'MarkRead',
  managerId: 'u1',
  readAt: '2026-01-01T10:05:00.000Z',
};
const markedRead: ConversationDecidedEvent = {
  type: 'Conversation.MarkedRead',
  data: { conversationId, managerId: 'u1', readAt: '2026-01-01T10:05:00.000Z' },
};

describe('Conversation decider', () => {
  const spec = deciderSpecification(conversationDecider);

  describe('RecordClientMessage', () => {
    it('given no conversation, when the client writes, then it starts and records the message', () => {
      spec
        .given([])
        .when(clientWrites('m1'))
        .then([started, received('m1')]);
    });

    it('given an open conversation, when the client writes again, then only the message is recorded', () => {
      spec
        .given([started, received('m1')])
        .when(clientWrites('m2', 'More'))
        .then([received('m2', 'More')]);
    });

    it('given the message is already recorded, when it arrives again, then nothing happens', () => {
      spec
        .given([started, received('m1')])
        .when(clientWrites('m1'))
        .then([]);
    });

    it('given no conversation, when the client sends a photo Parley cannot show, then it starts and records it as unsupported with its caption', () => {
      spec
        .given([])
        .when(clientSendsPhoto('m1'))
        .then([started, receivedPhoto('m1')]);
    });

    it('given an open conversation, when the client sends a photo, then it is recorded and counts as unread', () => {
      spec
        .given([started, received('m1')])
        .when(clientSendsPhoto('m2'))
        .then([receivedPhoto('m2')]);
      const state = foldEvents(conversationDecider, [started, received('m1'), receivedPhoto('m2')]);
      expect(state).toMatchObject({ status: 'open', unread: 2 });
    });

    it('given the photo is already recorded, when it arrives again, then nothing happens', () => {
      spec
        .given([started, receivedPhoto('m1')])
        .when(clientSendsPhoto('m1'))
        .then([]);
    });
  });

  describe('RecordClientMessage, in the order the client wrote (C7)', () => {
    // Telegram message n of the chat, arriving at `receivedAt`.
    const clientWritesNumber = (n: number, receivedAt: string): ConversationCommand =>
      ({
        ...clientWrites(`m${n}`, `text ${n}`),
        externalMessageId: String(n),
        receivedAt,
      }) as ConversationCommand;
    const receivedNumber = (n: number, placedAt: string): ConversationDecidedEvent => ({
      type: 'Conversation.ClientMessageReceived',
      data: {
        conversationId,
        messageId: `m${n}`,
        externalMessageId: String(n),
        content: { kind: 'text', text: `text ${n}` },
        sentAt: '2026-01-01T10:00:00.000Z',
        clientOrder: n,
        placedAt,
      },
    });
    const t = (seconds: number): string =>
      new Date(Date.UTC(2026, 0, 1, 10, 0, seconds)).toISOString();

    it('given no conversation, when message 1 arrives, then it is placed at its arrival, with its Telegram number as its order', () => {
      spec
        .given([])
        .when(clientWritesNumber(1, t(1)))
        .then([started, receivedNumber(1, t(1))]);
    });

    it('given messages 1 and 3, when message 2 arrives last, then it takes the place of message 3 (its order puts it just before)', () => {
      spec
        .given([started, receivedNumber(1, t(1)), receivedNumber(3, t(3))])
        .when(clientWritesNumber(2, t(9)))
        .then([receivedNumber(2, t(3))]);
    });

    it('given messages 2 and 3 placed at the same time, when message 1 arrives last, then it stands at the earliest of those after it', () => {
      spec
        .given([started, receivedNumber(3, t(5)), receivedNumber(2, t(5))])
        .when(clientWritesNumber(1, t(7)))
        .then([receivedNumber(1, t(5))]);
    });

    it('given message 5, when message 6 arrives with an earlier arrival time (another clock), then it is placed no earlier than message 5', () => {
      spec
        .given([started, receivedNumber(5, t(8))])
        .when(clientWritesNumber(6, t(2)))
        .then([receivedNumber(6, t(8))]);
    });

    it('given messages 1 and 3, when message 4 arrives in order, then it is placed at its arrival', () => {
      spec
        .given([started, receivedNumber(1, t(1)), receivedNumber(3, t(3))])
        .when(clientWritesNumber(4, t(4)))
        .then([receivedNumber(4, t(4))]);
    });

    it('given a redelivered late message, when it arrives again, then nothing happens', () => {
      spec
        .given([started, receivedNumber(1, t(1)), receivedNumber(3, t(3)), receivedNumber(2, t(3))])
        .when(clientWritesNumber(2, t(12)))
        .then([]);
    });

    it('given the conversation was marked read after message 3, when the older message 2 arrives, then it counts as unread (the manager has not seen it)', () => {
      const state = foldEvents(conversationDecider, [
        started,
        receivedNumber(1, t(1)),
        receivedNumber(3, t(3)),
        markedRead,
        receivedNumber(2, t(3)),
      ]);
      expect(state).toMatchObject({ status: 'open', unread: 1 });
    });

    it('given a v1 event without order (before C7), when a message before it arrives, then the old one is read with its Telegram number and placed at its sent time', () => {
      const v1 = {
        type: 'Conversation.ClientMessageReceived',
        data: {
          conversationId,
          messageId: 'm7',
          externalMessageId: '7',
          content: { kind: 'text', text: 'text 7' },
          sentAt: t(20),
        },
      } as ConversationDecidedEvent;
      spec
        .given([started, v1])
        .when(clientWritesNumber(6, t(30)))
        .then([receivedNumber(6, t(20))]);
    });
  });

  describe('SendMessage', () => {
    it('given an open conversation, when a manager replies, then the message is queued to where the client wrote from', () => {
      spec
        .given([started, received('m1')])
        .when(managerWrites('r1'))
        .then([queued('r1')]);
    });

    it('given a reply sent in translation (B4), then the queued message keeps what the manager wrote', () => {
      const translatedFrom = { text: 'Здравствуйте!', language: 'ru' };
      const command = { ...managerWrites('r1', '¡Hola!'), translatedFrom } as ConversationCommand;
      const expected = queued('r1', '¡Hola!');
      spec
        .given([started, received('m1')])
        .when(command)
        .then([
          { ...expected, data: { ...expected.data, translatedFrom } } as ConversationDecidedEvent,
        ]);
    });

    it('given no conversation, when a manager replies, then it is rejected as not found with a readable reason', () => {
      const error = spec.given([]).when(managerWrites('r1')).thenRejects('conversation.not_found');
      expect(error.message).toBe(
        `There is no conversation ${conversationId}: the client has not written yet.`,
      );
    });

    it('given an open conversation, when a manager sends blank text, then it is rejected as empty', () => {
      const error = spec
        .given([started])
        .when(managerWrites('r1', '  \n '))
        .thenRejects('message.empty');
      expect(error.message).toBe('The message is empty: write some text first.');
    });

    it('given an open conversation, when a manager sends a photo with a caption, then it is queued as it was given', () => {
      const photoAttachment = {
        kind: 'photo',
        attachment: {
          mediaId: '0b5c6a59-4c55-4d1f-9f3e-2f1f6f0f5a11',
          fileName: 'offer.png',
          contentType: 'image/png',
          size: 1200,
        },
        caption: 'Our offer',
      } as const;
      spec
        .given([started])
        .when(managerSends('r1', photoAttachment))
        .then([
          {
            type: 'Conversation.ManagerMessageQueued',
            data: {
              conversationId,
              messageId: 'r1',
              managerId: 'u1',
              recipient: source,
              content: photoAttachment,
              queuedAt: '2026-01-01T10:01:00.000Z',
            },
          },
        ]);
    });

    it('given an open conversation, when a manager sends a document whose caption is over 1,024 characters, then it is rejected naming the limit', () => {
      const error = spec
        .given([started])
        .when(
          managerSends('r1', {
            kind: 'document',
            attachment: {
              mediaId: '0b5c6a59-4c55-4d1f-9f3e-2f1f6f0f5a12',
              fileName: 'offer.pdf',
              contentType: 'application/pdf',
              size: 5000,
            },
            caption: 'x'.repeat(1025),
          }),
        )
        .thenRejects('message.caption_too_long');
      expect(error.message).toMatch(/at most 1024 characters \(this one has 1025\)/);
    });

    it('given the reply is already queued, when it is sent again with the same id, then nothing happens', () => {
      spec
        .given([started, queued('r1')])
        .when(managerWrites('r1'))
        .then([]);
    });
  });

  describe('RecordDelivery', () => {
    it('given a queued reply, when the channel delivers it, then it is delivered', () => {
      spec
        .given([started, queued('r1')])
        .when(delivery('r1'))
        .then([delivered('r1')]);
    });

    it('given a delivered reply, when the delivery is reported again, then nothing happens', () => {
      spec
        .given([started, queued('r1'), delivered('r1')])
        .when(delivery('r1'))
        .then([]);
    });

    it('given a failed reply, when the channel reports it delivered after all, then it is delivered', () => {
      spec
        .given([started, queued('r1'), failed('r1')])
        .when(delivery('r1'))
        .then([delivered('r1')]);
    });

    it('given an unknown message, when a delivery is reported, then it is rejected as not found', () => {
      spec.given([started]).when(delivery('r9')).thenRejects('message.not_found');
      spec.given([]).when(delivery('r9')).thenRejects('message.not_found');
    });

    it('given a client message id, when a delivery is reported for it, then it is rejected as not found', () => {
      spec
        .given([started, received('m1')])
        .when(delivery('m1'))
        .thenRejects('message.not_found');
    });
  });

  describe('RecordDeliveryFailure', () => {
    it('given a queued reply, when the channel fails to deliver it, then it failed with the reason', () => {
      spec
        .given([started, queued('r1')])
        .when(failure('r1'))
        .then([failed('r1')]);
    });

    it('given a delivered or already failed reply, when a failure is reported, then nothing happens', () => {
      spec
        .given([started, queued('r1'), delivered('r1')])
        .when(failure('r1'))
        .then([]);
      spec
        .given([started, queued('r1'), failed('r1')])
        .when(failure('r1'))
        .then([]);
    });

    it('given an unknown message, when a failure is reported, then it is rejected as not found', () => {
      spec.given([started]).when(failure('r9')).thenRejects('message.not_found');
    });
  });

  describe('MarkRead', () => {
    it('given unread client messages, when a manager marks read, then it is marked read and unread is back to 0', () => {
      const history = [started, received('m1'), received('m2')];
      spec.given(history).when(markRead).then([markedRead]);

      const before = foldEvents(conversationDecider, history);
      const after = foldEvents(conversationDecider, [...history, markedRead]);
      expect(before.status === 'open' && before.unread).toBe(2);
      expect(after.status === 'open' && after.unread).toBe(0);
    });

    it('given nothing unread, when a manager marks read, then nothing happens (no event)', () => {
      spec
        .given([started, received('m1'), markedRead])
        .when(markRead)
        .then([]);
      spec.given([started]).when(markRead).then([]);
    });

    it('given a reply after the client wrote, then unread still counts until marked read', () => {
      const state = foldEvents(conversationDecider, [started, received('m1'), queued('r1')]);
      expect(state.status === 'open' && state.unread).toBe(1);
      spec
        .given([started, received('m1'), queued('r1')])
        .when(markRead)
        .then([markedRead]);
    });

    it('given no conversation, when a manager marks read, then it is rejected as not found', () => {
      spec.given([]).when(markRead).thenRejects('conversation.not_found');
    });
  });

  describe('RetryMessage (C4 "retry")', () => {
    it('given a reply that failed, when a manager retries it, then it is requeued with its recipient, content and retry 1', () => {
      spec
        .given([started, queued('r1'), failed('r1')])
        .when(retry('r1'))
        .then([requeued('r1', 1)]);
    });

    it('given a reply whose delivery was not confirmed, when a manager sends it again, then it is requeued (a deliberate second send)', () => {
      spec
        .given([started, queued('r1'), unconfirmed('r1')])
        .when(retry('r1'))
        .then([requeued('r1', 1)]);
    });

    it('given a reply that failed, was retried and failed again, when retried again, then retry counts both failures', () => {
      spec
        .given([started, queued('r1'), failed('r1'), requeued('r1', 1), failed('r1')])
        .when(retry('r1'))
        .then([requeued('r1', 2)]);
    });

    it('given a requeued reply, then it is sending again: a failure is recorded and a delivery too', () => {
      const history = [started, queued('r1'), failed('r1'), requeued('r1', 1)];
      spec
        .given(history)
        .when(failure('r1'))
        .then([failed('r1')]);
      spec
        .given(history)
        .when(delivery('r1'))
        .then([delivered('r1')]);
    });

    it('given a reply still sending, when a manager retries it, then it is rejected as not failed with a readable reason', () => {
      spec
        .given([started, queued('r1')])
        .when(retry('r1'))
        .thenThrows(
          'message.not_failed',
          'This message is still being sent: only a message that failed can be sent again.',
        );
      spec
        .given([started, queued('r1'), failed('r1'), requeued('r1', 1)])
        .when(retry('r1'))
        .thenThrows('message.not_failed');
    });

    it('given a delivered reply, when a manager retries it, then it is rejected as not failed', () => {
      spec
        .given([started, queued('r1'), delivered('r1')])
        .when(retry('r1'))
        .thenThrows(
          'message.not_failed',
          'This message was already sent: only a message that failed can be sent again.',
        );
    });

    it("given a client's message or an unknown one, when a manager retries it, then it is rejected as not found", () => {
      spec
        .given([started, received('m1')])
        .when(retry('m1'))
        .thenThrows('message.not_found');
      spec.given([started]).when(retry('r9')).thenThrows('message.not_found');
      spec.given([]).when(retry('r9')).thenThrows('message.not_found');
    });
  });

  describe('MarkMessageSent (issue 7: "not confirmed", resolved by a manager)', () => {
    it('given a reply whose delivery was not confirmed, when a manager marks it sent, then it is marked sent by that manager', () => {
      spec
        .given([started, queued('r1'), unconfirmed('r1')])
        .when(markSent('r1'))
        .then([markedSent('r1')]);
    });

    it('given a reply marked sent, then it counts as delivered: marking again, retrying or a late channel result change nothing', () => {
      const history = [started, queued('r1'), unconfirmed('r1'), markedSent('r1')];
      spec.given(history).when(markSent('r1')).thenThrows('message.not_unconfirmed');
      spec.given(history).when(retry('r1')).thenThrows('message.not_failed');
      spec.given(history).when(delivery('r1')).thenNothingHappened();
      spec.given(history).when(failure('r1')).thenNothingHappened();
    });

    it('given a reply that certainly failed (blocked), when a manager marks it sent, then it is rejected: send it again instead', () => {
      spec
        .given([started, queued('r1'), failed('r1')])
        .when(markSent('r1'))
        .thenThrows(
          'message.not_unconfirmed',
          'Only a message whose delivery was not confirmed can be marked sent: this one certainly ' +
            'failed, send it again instead.',
        );
    });

    it('given a reply sending or delivered, when a manager marks it sent, then it is rejected', () => {
      spec
        .given([started, queued('r1')])
        .when(markSent('r1'))
        .thenThrows('message.not_unconfirmed');
      spec
        .given([started, queued('r1'), delivered('r1')])
        .when(markSent('r1'))
        .thenThrows('message.not_unconfirmed');
    });

    it('given a retried unconfirmed reply that then failed for another reason, when marked sent, then it is rejected (the last failure counts)', () => {
      spec
        .given([
          started,
          queued('r1'),
          unconfirmed('r1'),
          requeued('r1', 1),
          failedAs('r1', 'blocked', '2026-01-01T10:02:05.000Z'),
        ])
        .when(markSent('r1'))
        .thenThrows('message.not_unconfirmed');
    });

    it('given an unknown message, when marked sent, then it is rejected as not found', () => {
      spec.given([started]).when(markSent('r9')).thenThrows('message.not_found');
    });
  });

  describe('RecordClientMessageEdit (C5)', () => {
    const voice: MessageContent = {
      kind: 'voice',
      file: {
        fileId: 'AwAC-voice',
        fileUniqueId: 'AgAD-voice',
        fileSize: 24_000,
        mimeType: 'audio/ogg',
        fileName: null,
        width: null,
        height: null,
        duration: 12,
      },
      caption: null,
    };
    const clientEdits = (
      editId: string,
      externalMessageId: string,
      text: string,
      editedAt = '2026-01-01T10:05:00.000Z',
    ): ConversationCommand => ({
      kind: 'RecordClientMessageEdit',
      conversationId,
      source,
      client,
      editId,
      messageId: `edit-of-${editId}`,
      externalMessageId,
      content: { kind: 'text', text },
      sentAt: '2026-01-01T10:00:00.000Z',
      editedAt,
      receivedAt: '2026-01-01T10:05:00.500Z',
    });
    const edited = (
      editId: string,
      messageId: string,
      text: string,
      previousVersion: { content: MessageContent; at: string } | null,
      editedAt = '2026-01-01T10:05:00.000Z',
      placedAt = '2026-01-01T10:00:00.500Z',
    ): ConversationDecidedEvent => ({
      type: 'Conversation.ClientMessageEdited',
      data: {
        conversationId,
        messageId,
        externalMessageId: `ext-${messageId}`,
        editId,
        content: { kind: 'text', text },
        editedAt,
        previousVersion,
        sentAt: '2026-01-01T10:00:00.000Z',
        clientOrder: null,
        placedAt,
      },
    });

    it('given a recorded message, when the client edits it, then it is edited with the version it replaces', () => {
      spec
        .given([started, received('m1', 'Helo')])
        .when(clientEdits('e1', 'ext-m1', 'Hello'))
        .then([
          edited('e1', 'm1', 'Hello', {
            content: { kind: 'text', text: 'Helo' },
            at: '2026-01-01T10:00:00.000Z',
          }),
        ]);
    });

    it('given an edited message, when the client edits it again, then the edit replaces the last version', () => {
      const first = edited('e1', 'm1', 'Hello', {
        content: { kind: 'text', text: 'Helo' },
        at: '2026-01-01T10:00:00.000Z',
      });
      spec
        .given([started, received('m1', 'Helo'), first])
        .when(clientEdits('e2', 'ext-m1', 'Hello!', '2026-01-01T10:06:00.000Z'))
        .then([
          edited(
            'e2',
            'm1',
            'Hello!',
            { content: { kind: 'text', text: 'Hello' }, at: '2026-01-01T10:05:00.000Z' },
            '2026-01-01T10:06:00.000Z',
          ),
        ]);
    });

    it('given a media message, when its caption is edited, then the previous version keeps the media content', () => {
      spec
        .given([started, receivedContent('m1', voice)])
        .when(clientEdits('e1', 'ext-m1', 'now text'))
        .then([edited('e1', 'm1', 'now text', { content: voice, at: '2026-01-01T10:00:00.000Z' })]);
    });

    it('given the edit is already recorded, when it arrives again, then nothing happens', () => {
      const first = edited('e1', 'm1', 'Hello', {
        content: { kind: 'text', text: 'Helo' },
        at: '2026-01-01T10:00:00.000Z',
      });
      spec
        .given([started, received('m1', 'Helo'), first])
        .when(clientEdits('e1', 'ext-m1', 'Hello'))
        .thenNothingHappened();
    });

    it('given an open conversation that never saw the message, when it is edited, then the edit is kept as its own message', () => {
      spec
        .given([started, received('m1')])
        .when(clientEdits('e1', 'ext-edit-of-e1', 'Written while offline'))
        .then([
          edited(
            'e1',
            'edit-of-e1',
            'Written while offline',
            null,
            undefined,
            '2026-01-01T10:05:00.500Z',
          ),
        ]);
    });

    it('given no conversation, when a message Parley never saw is edited, then the conversation starts with it', () => {
      spec
        .given([])
        .when(clientEdits('e1', 'ext-edit-of-e1', 'Hi'))
        .then([
          started,
          edited('e1', 'edit-of-e1', 'Hi', null, undefined, '2026-01-01T10:05:00.500Z'),
        ]);
    });

    it('given an edit kept as its own message, when the original arrives late, then nothing more is recorded', () => {
      const kept = edited('e1', 'edit-of-e1', 'Hi', null, undefined, '2026-01-01T10:05:00.500Z');
      spec
        .given([started, kept])
        .when({
          ...clientWrites('late'),
          externalMessageId: 'ext-edit-of-e1',
        } as ConversationCommand)
        .thenNothingHappened();
    });

    it('given an edit, then unread does not move', () => {
      const state = foldEvents(conversationDecider, [
        started,
        received('m1', 'Helo'),
        edited('e1', 'm1', 'Hello', { content: { kind: 'text', text: 'Helo' }, at: 'x' }),
      ]);
      expect(state).toMatchObject({ status: 'open', unread: 1 });
    });
  });

  describe('the client blocks and unblocks the bot', () => {
    const blocks: ConversationCommand = {
      kind: 'RecordBotBlocked',
      conversationId,
      source,
      client,
      blockedAt: '2026-01-01T11:00:00.000Z',
    };
    const unblocks: ConversationCommand = {
      kind: 'RecordBotUnblocked',
      unblockedAt: '2026-01-01T12:00:00.000Z',
    };
    const blocked: ConversationDecidedEvent = {
      type: 'Conversation.ClientBlockedBot',
      data: { conversationId, blockedAt: '2026-01-01T11:00:00.000Z' },
    };
    const unblocked: ConversationDecidedEvent = {
      type: 'Conversation.ClientUnblockedBot',
      data: { conversationId, unblockedAt: '2026-01-01T12:00:00.000Z' },
    };

    it('given an open conversation, when the client blocks the bot, then it is recorded', () => {
      spec
        .given([started, received('m1')])
        .when(blocks)
        .then([blocked]);
    });

    it('given no conversation, when the client blocks the bot, then the conversation starts blocked', () => {
      spec
        .given([])
        .when(blocks)
        .then([
          { ...started, data: { ...started.data, startedAt: '2026-01-01T11:00:00.000Z' } },
          blocked,
        ]);
    });

    it('given a blocked conversation, when the block arrives again, then nothing happens', () => {
      spec.given([started, blocked]).when(blocks).thenNothingHappened();
    });

    it('given a blocked conversation, when a manager writes, then it is refused with the reason', () => {
      const error = spec
        .given([started, received('m1'), blocked])
        .when(managerWrites('r1'))
        .thenThrows('client.blocked_bot');
      expect(error.message).toBe(
        'The client blocked the bot: nothing can be sent until they unblock it.',
      );
    });

    it('given a blocked conversation, when the client unblocks the bot, then it is recorded and a manager can write again', () => {
      spec
        .given([started, received('m1'), blocked])
        .when(unblocks)
        .then([unblocked]);
      spec
        .given([started, received('m1'), blocked, unblocked])
        .when(managerWrites('r1'))
        .then([queued('r1')]);
    });

    it('given a conversation that is not blocked, when an unblock arrives, then nothing happens', () => {
      spec
        .given([started, received('m1')])
        .when(unblocks)
        .thenNothingHappened();
      spec.given([]).when(unblocks).thenNothingHappened();
    });
  });

  describe('RecordClientMedia (issue 9, media store)', () => {
    const mediaId = '6f1c1d2e-3b4a-5c6d-8e7f-0a1b2c3d4e5f';
    const fetchedAt = '2026-01-01T10:00:02.000Z';
    const mediaFetched = (messageId: string): ConversationCommand => ({
      kind: 'RecordClientMedia',
      messageId,
      outcome: { status: 'fetched', mediaId, contentType: 'image/png', size: 98_000, fetchedAt },
    });
    const tooLarge = (messageId: string): ConversationCommand => ({
      kind: 'RecordClientMedia',
      messageId,
      outcome: {
        status: 'failed',
        reason: 'too_large',
        fileName: 'film.mp4',
        fileSize: 31_000_000,
        failedAt: fetchedAt,
      },
    });
    const fetchedEvent: ConversationDecidedEvent = {
      type: 'Conversation.ClientMediaFetched',
      data: {
        conversationId,
        messageId: 'm1',
        mediaId,
        contentType: 'image/png',
        size: 98_000,
        fetchedAt,
      },
    };

    it('given a client message, when its file is fetched, then the media id is recorded on it', () => {
      spec
        .given([started, receivedPhoto('m1')])
        .when(mediaFetched('m1'))
        .then([fetchedEvent]);
    });

    it('given a client message, when its file is too large to fetch, then the failure is recorded with its name and size', () => {
      spec
        .given([started, receivedPhoto('m1')])
        .when(tooLarge('m1'))
        .then([
          {
            type: 'Conversation.ClientMediaFetchFailed',
            data: {
              conversationId,
              messageId: 'm1',
              reason: 'too_large',
              fileName: 'film.mp4',
              fileSize: 31_000_000,
              failedAt: fetchedAt,
            },
          },
        ]);
    });

    it('given the file is recorded, when an outcome arrives again (or another), then nothing happens', () => {
      spec
        .given([started, receivedPhoto('m1'), fetchedEvent])
        .when(mediaFetched('m1'))
        .thenNothingHappened();
      spec
        .given([started, receivedPhoto('m1'), fetchedEvent])
        .when(tooLarge('m1'))
        .thenNothingHappened();
    });

    it('given a manager message or an unknown one, when a file outcome names it, then it is refused', () => {
      spec
        .given([started, received('m1'), queued('r1')])
        .when(mediaFetched('r1'))
        .thenThrows('message.not_found');
      spec.given([]).when(mediaFetched('m1')).thenThrows('message.not_found');
    });
  });
});
