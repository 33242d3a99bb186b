import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  newId,
  type CommandEnvelope,
  type SendMessageData,
  type UploadedAttachment,
} from '@parley/contracts';
import { createFileSystemMediaStore, type MediaStore } from '@parley/media-store';
import { opusRecording } from '@parley/media-store/testing';
import {
  appendingHandler,
  startCommandStandIn,
  type CommandStandIn,
} from '../testing/command-stand-in';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const TEXT = Buffer.from('the offer, in plain text\n'.repeat(40));

const CHAT = 'ws1:tg:1:200';
const OTHER_CHAT = 'ws1:tg:1:201';
const STORE_LIMIT = 300_000;

describe('a manager’s attachments (B8): upload, then send', () => {
  let directory: string;
  let media: MediaStore;
  let gateway: TestGateway;
  let conversation: CommandStandIn;
  let token: string;
  const received = (): CommandEnvelope[] => conversation.received;

  const upload = async (
    kind: string,
    body: Buffer | ReadableStream<Uint8Array>,
    options: { name?: string; type?: string; conversationId?: string; token?: string | null } = {},
  ) => {
    const query = new URLSearchParams({ kind, ...(options.name && { name: options.name }) });
    const headers: Record<string, string> = {
      'content-type': options.type ?? 'application/octet-stream',
    };
    const bearer = options.token === undefined ? token : options.token;
    if (bearer !== null) headers['authorization'] = `Bearer ${bearer}`;
    const response = await fetch(
      `${gateway.url}/api/chats/${options.conversationId ?? CHAT}/attachments?${query}`,
      { method: 'POST', headers, body, duplex: 'half' } as RequestInit,
    );
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  const stored = async () => media.list({ workspaceId: 'ws1', conversationId: CHAT, limit: 100 });

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'parley-attachments-'));
    media = await createFileSystemMediaStore({ directory, maxBytes: STORE_LIMIT });
    gateway = await startTestGateway({ module: { mediaStore: media } });
    // A stand-in conversation service: records the command and appends what it would.
    conversation = await startCommandStandIn(gateway, 'conversation', {
      SendMessage: appendingHandler(
        gateway.store,
        'conversation',
        () => 'Conversation.ManagerMessageQueued',
      ),
    });
    for (const [id, workspaceId] of [
      [CHAT, 'ws1'],
      [OTHER_CHAT, 'ws1'],
      ['ws2:tg:1:1', 'ws2'],
    ] as const) {
      await gateway.readStore
        .collection('chats')
        .replaceOne({ _id: id }, { _id: id, workspaceId }, { upsert: true });
    }
    token = (await gateway.signIn()).accessToken;
  }, 60_000);

  afterAll(async () => {
    await conversation?.stop();
    await gateway?.close();
    await media?.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('given a photo, when uploaded and sent with a caption, then the SendMessage command carries what the store says about it', async () => {
    const uploaded = await upload('photo', PNG, {
      name: '../../etc/Offer "v2".png',
      type: 'text/plain',
    });
    expect(uploaded.status).toBe(201);
    const attachment = uploaded.body as unknown as UploadedAttachment;
    expect(attachment).toMatchObject({
      kind: 'photo',
      contentType: 'image/png', // from the bytes, not the declared text/plain
      size: PNG.length,
      durationSeconds: null,
    });
    expect(attachment.fileName).not.toMatch(/[/\\"]/);
    expect((await stored()).map((m) => m.mediaId)).toContain(attachment.mediaId);

    const messageId = newId();
    const sent = await gateway.call(`/api/chats/${CHAT}/messages`, {
      token,
      body: { messageId, attachmentId: attachment.mediaId, text: 'Our offer' },
    });

    expect(sent.status).toBe(202);
    const command = received().find((c) => (c.data as SendMessageData).messageId === messageId);
    expect(command?.data).toEqual({
      conversationId: CHAT,
      messageId,
      content: {
        kind: 'photo',
        attachment: {
          mediaId: attachment.mediaId,
          fileName: attachment.fileName,
          contentType: 'image/png',
          size: PNG.length,
        },
        caption: 'Our offer',
      },
    });
  });

  it('given a browser’s WebM/Opus recording, when uploaded as voice, then OGG/Opus is stored, with its length', async () => {
    const recording = await opusRecording(2);
    const uploaded = await upload('voice', recording, { type: 'audio/webm;codecs=opus' });

    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({
      kind: 'voice',
      contentType: 'audio/ogg',
      durationSeconds: 2,
    });
    const opened = await media.get('ws1', uploaded.body['mediaId'] as string);
    const chunks: Buffer[] = [];
    for await (const chunk of opened!.content) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('OggS');
    expect(bytes.includes(Buffer.from('OpusHead'))).toBe(true);
  });

  it('given a document of any type, then it is stored as it is', async () => {
    const uploaded = await upload('document', TEXT, { name: 'offer.txt', type: 'text/plain' });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({
      kind: 'document',
      fileName: 'offer.txt',
      size: TEXT.length,
    });
  });

  it.each([
    [
      'photo',
      TEXT,
      /a photo must be JPEG, PNG, WebP; this file is text\/plain: send it as a document/,
    ],
    ['video', PNG, /a video must be MP4; this file is image\/png/],
    ['voice', PNG, /not a voice recording/],
  ])(
    'given a %s that is not one, then 415 naming the body and nothing is kept',
    async (kind, bytes, reason) => {
      const before = (await stored()).length;
      const uploaded = await upload(kind, bytes, { type: 'text/plain' });

      expect(uploaded.status).toBe(415);
      expect(uploaded.body).toMatchObject({
        issues: [{ field: 'body', reason: expect.stringMatching(reason) }],
      });
      expect(await stored()).toHaveLength(before);
    },
  );

  it('given a body over the limit, then 413 and nothing is kept, whether its length was declared or not', async () => {
    const before = (await stored()).length;
    const declared = await upload('document', Buffer.alloc(STORE_LIMIT + 1, 1));
    const chunk = new Uint8Array(64 * 1024).fill(2);
    let sent = 0;
    const undeclared = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > STORE_LIMIT) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const streamed = await upload('document', undeclared);

    for (const answer of [declared, streamed]) {
      expect(answer.status).toBe(413);
      expect(answer.body).toMatchObject({
        issues: [{ field: 'body', reason: `a document may have at most ${STORE_LIMIT} bytes` }],
      });
    }
    expect(await stored()).toHaveLength(before);
  });

  it('given no kind or an unknown one, then 400 naming kind', async () => {
    for (const kind of ['', 'sticker']) {
      const uploaded = await upload(kind, PNG);
      expect(uploaded.status).toBe(400);
      expect(uploaded.body).toMatchObject({ issues: [expect.objectContaining({ field: 'kind' })] });
    }
  });

  it('given another workspace’s conversation, then 404; without a token, 401; nothing is kept', async () => {
    const before = (await stored()).length;
    expect((await upload('photo', PNG, { conversationId: 'ws2:tg:1:1' })).status).toBe(404);
    expect((await upload('photo', PNG, { token: null })).status).toBe(401);
    expect(await stored()).toHaveLength(before);
  });

  it('given an attachment of another conversation or none at all, then sending it is 422 naming attachmentId, and no command is sent', async () => {
    const elsewhere = await upload('photo', PNG, { conversationId: OTHER_CHAT });
    const commands = received().length;

    for (const attachmentId of [elsewhere.body['mediaId'] as string, newId()]) {
      const sent = await gateway.call(`/api/chats/${CHAT}/messages`, {
        token,
        body: { messageId: newId(), attachmentId },
      });
      expect(sent.status).toBe(422);
      expect(sent.body).toMatchObject({ issues: [{ field: 'attachmentId' }] });
    }
    expect(received()).toHaveLength(commands);
  });

  it('given neither text nor an attachment, then 400 naming text', async () => {
    const sent = await gateway.call(`/api/chats/${CHAT}/messages`, {
      token,
      body: { messageId: newId() },
    });
    expect(sent.status).toBe(400);
    expect(sent.body).toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ field: 'text' })]),
    });
  });
});
