import type { SignInResponse, UploadedAttachment } from '@parley/contracts';
import { ApiError } from './api-error';
import {
  createAttachmentUpload,
  createTemplateFileUpload,
  type SendUpload,
} from './attachment-upload';
import { HttpClient } from './http-client';

const uploaded: UploadedAttachment = {
  kind: 'photo',
  mediaId: '0b9a6c2e-1c53-4a55-9c1f-6a2f1e3d4b5c',
  fileName: 'cat.png',
  contentType: 'image/png',
  size: 3,
  durationSeconds: null,
};

const session: SignInResponse = {
  accessToken: 't2',
  expiresIn: 900,
  user: {
    id: 'u1',
    email: 'olga@example.com',
    name: 'Olga',
    role: 'manager',
    workspaceId: 'w1',
    language: 'en',
  },
};

/** An HttpClient whose refresh gives `t2` (or fails), with the events it raised. */
const httpClient = (refreshWorks: boolean) => {
  const events: string[] = [];
  const http = new HttpClient({
    fetch: async () =>
      refreshWorks
        ? new Response(JSON.stringify(session), { status: 200 })
        : new Response('{"statusCode":401,"message":"No session"}', { status: 401 }),
    baseUrl: 'https://crm.example',
    onSessionRefreshed: () => events.push('refreshed'),
    onSessionEnded: () => events.push('ended'),
  });
  http.setAccessToken('t1');
  return { http, events };
};

/** A gateway accepting `t2` only, recording each upload. */
const gateway = () => {
  const seen: { url: string; token: string | null; contentType: string }[] = [];
  const send: SendUpload = async (request) => {
    seen.push({ url: request.url, token: request.token, contentType: request.contentType });
    if (request.token !== 't2') return { status: 401, body: { statusCode: 401 } };
    request.onProgress(3, 3);
    return { status: 201, body: uploaded };
  };
  return { send, seen };
};

const file = new Blob(['abc'], { type: 'image/png' });

describe('uploading an attachment', () => {
  it('given an expired token, then it renews the session once and uploads again, with progress', async () => {
    const { http, events } = httpClient(true);
    const { send, seen } = gateway();
    const progress: [number, number][] = [];
    const answer = await createAttachmentUpload(http, send)(
      'c 1',
      'photo',
      file,
      'my cat.png',
      (l, t) => progress.push([l, t]),
    );
    expect(answer).toEqual(uploaded);
    expect(seen.map((s) => s.token)).toEqual(['t1', 't2']);
    expect(seen[0]).toEqual({
      url: 'https://crm.example/api/chats/c%201/attachments?kind=photo&name=my%20cat.png',
      token: 't1',
      contentType: 'image/png',
    });
    expect(progress).toEqual([
      [0, 3],
      [3, 3],
    ]);
    expect(events).toEqual(['refreshed']);
  });

  it('given a session that cannot be renewed, then it ends the session and rejects with the 401', async () => {
    const { http, events } = httpClient(false);
    const upload = createAttachmentUpload(http, gateway().send);
    await expect(upload('c1', 'photo', file, 'cat.png', () => undefined)).rejects.toMatchObject({
      status: 401,
    });
    expect(events).toEqual(['ended']);
  });

  it('given a refusal, then it rejects with the gateway’s reason; a file with no type goes as bytes', async () => {
    const { http } = httpClient(true);
    http.setAccessToken('t2');
    const types: string[] = [];
    const send: SendUpload = async (request) => {
      types.push(request.contentType);
      return {
        status: 415,
        body: {
          statusCode: 415,
          message: 'a photo must be JPEG, PNG, WebP; this file is image/gif: send it as a document',
          issues: [{ field: 'file', reason: 'wrong_type' }],
        },
      };
    };
    const failure = await createAttachmentUpload(http, send)(
      'c1',
      'photo',
      new Blob(['x']),
      'x.gif',
      () => undefined,
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(415);
    expect((failure as ApiError).serverMessage).toContain('send it as a document');
    expect(types).toEqual(['application/octet-stream']);
  });

  it('given a template’s file (issue 13), then it goes to the templates’ upload route with its kind and name, renewing the session as a chat’s does', async () => {
    const { http } = httpClient(true);
    const { send, seen } = gateway();
    const upload = createTemplateFileUpload(http, send);

    await expect(upload('document', file, 'price list.pdf', () => undefined)).resolves.toEqual(
      uploaded,
    );
    expect(seen.map((s) => [s.url, s.token])).toEqual([
      ['https://crm.example/api/templates/attachments?kind=document&name=price%20list.pdf', 't1'],
      ['https://crm.example/api/templates/attachments?kind=document&name=price%20list.pdf', 't2'],
    ]);
  });
});
