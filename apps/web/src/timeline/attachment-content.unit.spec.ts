import {
  isAttachmentContent as contractsIsAttachmentContent,
  type AttachmentContent,
  type MessageContent,
} from '@parley/contracts';
import { isAttachmentContent, mediaItemOfAttachment } from './attachment-content';

const document: AttachmentContent = {
  kind: 'document',
  attachment: {
    mediaId: 'md1',
    fileName: 'price-list.pdf',
    contentType: 'application/pdf',
    size: 120_000,
  },
  caption: 'Prices',
};

const clientDocument: MessageContent = {
  kind: 'document',
  file: {
    fileId: 'f',
    fileUniqueId: 'u',
    fileSize: 10,
    mimeType: 'application/pdf',
    fileName: 'a.pdf',
    width: null,
    height: null,
    duration: null,
  },
  caption: null,
};

describe('a manager’s attachment on the timeline', () => {
  it('tells a manager’s file from a client’s content, as the contracts do', () => {
    const text: MessageContent = { kind: 'text', text: 'hi' };
    for (const content of [document, clientDocument, text]) {
      expect(isAttachmentContent(content)).toBe(contractsIsAttachmentContent(content));
    }
    expect(isAttachmentContent(document)).toBe(true);
    expect(isAttachmentContent(clientDocument)).toBe(false);
  });

  it('shows as the media tile’s item: the stored name, type and size at the message’s time', () => {
    const link = { url: '/api/media/md1?sig=x', expiresAt: '2026-12-02T18:00:00.000Z' };
    expect(
      mediaItemOfAttachment(
        { conversationId: 'c1', at: '2026-12-02T17:00:00.000Z', content: document },
        link,
      ),
    ).toEqual({
      mediaId: 'md1',
      conversationId: 'c1',
      kind: 'document',
      contentType: 'application/pdf',
      contentTypeSource: 'detected',
      size: 120_000,
      fileName: 'price-list.pdf',
      createdAt: '2026-12-02T17:00:00.000Z',
      url: link.url,
      urlExpiresAt: link.expiresAt,
    });
  });
});
