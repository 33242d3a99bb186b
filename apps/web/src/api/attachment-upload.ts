import type { AttachmentKind, UploadedAttachment } from '@parley/contracts';
import { ApiError, apiErrorFromBody } from './api-error';
import type { HttpClient } from './http-client';

/** Bytes sent so far of the whole body. */
export type UploadProgress = (loaded: number, total: number) => void;

/** One upload request as it went over the wire: the status and the parsed JSON body. */
export interface UploadAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** Sends the raw bytes; rejects with ApiError(0) when the server cannot be reached. */
export type SendUpload = (request: {
  readonly url: string;
  readonly token: string | null;
  readonly body: Blob;
  readonly contentType: string;
  readonly onProgress: UploadProgress;
  readonly signal?: AbortSignal;
}) => Promise<UploadAnswer>;

/** Uploads a file to send in a conversation (B8); see createAttachmentUpload. */
export type UploadAttachment = (
  conversationId: string,
  kind: AttachmentKind,
  file: Blob,
  name: string,
  onProgress: UploadProgress,
  signal?: AbortSignal,
) => Promise<UploadedAttachment>;

const parseJson = (text: string): unknown => {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const abortError = (): Error => new DOMException('The upload was cancelled', 'AbortError');

/** fetch reports no upload progress: XMLHttpRequest does. */
export const sendWithXhr: SendUpload = (request) =>
  new Promise((resolve, reject) => {
    if (request.signal?.aborted) {
      reject(abortError());
      return;
    }
    const xhr = new XMLHttpRequest();
    const onAbort = (): void => xhr.abort();
    request.signal?.addEventListener('abort', onAbort, { once: true });
    const settle = (): void => request.signal?.removeEventListener('abort', onAbort);
    xhr.open('POST', request.url);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', request.contentType);
    if (request.token) xhr.setRequestHeader('Authorization', `Bearer ${request.token}`);
    xhr.upload.onprogress = (event) =>
      request.onProgress(event.loaded, event.lengthComputable ? event.total : request.body.size);
    xhr.onload = () => {
      settle();
      resolve({ status: xhr.status, body: parseJson(xhr.responseText) });
    };
    xhr.onerror = () => {
      settle();
      reject(new ApiError(0, null));
    };
    xhr.onabort = () => {
      settle();
      reject(abortError());
    };
    xhr.send(request.body);
  });

/**
 * One raw-body upload to `path` with the access token; on a 401 it renews the session once and
 * uploads again. Resolves with what the media store kept (201); rejects with the gateway's
 * ApiError (413 too large, 415 wrong type for the kind), ApiError(0) offline, or an AbortError
 * when `signal` aborts.
 */
const uploadTo = async (
  http: HttpClient,
  send: SendUpload,
  path: string,
  file: Blob,
  onProgress: UploadProgress,
  signal?: AbortSignal,
): Promise<UploadedAttachment> => {
  const attempt = (): Promise<UploadAnswer> =>
    send({
      url: http.urlOf(path),
      token: http.token,
      body: file,
      contentType: file.type === '' ? 'application/octet-stream' : file.type,
      onProgress,
      signal,
    });
  let answer = await attempt();
  if (answer.status === 401) {
    const session = await http.refreshSession();
    if (session === null) {
      http.endSession();
    } else {
      onProgress(0, file.size);
      answer = await attempt();
      if (answer.status === 401) http.endSession();
    }
  }
  if (answer.status < 200 || answer.status > 299) {
    throw apiErrorFromBody(answer.status, answer.body);
  }
  return answer.body as UploadedAttachment;
};

const uploadQuery = (kind: AttachmentKind, name: string): string =>
  `?kind=${encodeURIComponent(kind)}&name=${encodeURIComponent(name)}`;

/**
 * `POST /api/chats/:conversationId/attachments?kind=&name=` with the file's bytes as the body
 * (not multipart): see uploadTo.
 */
export const createAttachmentUpload =
  (http: HttpClient, send: SendUpload = sendWithXhr): UploadAttachment =>
  (conversationId, kind, file, name, onProgress, signal) =>
    uploadTo(
      http,
      send,
      `/api/chats/${encodeURIComponent(conversationId)}/attachments${uploadQuery(kind, name)}`,
      file,
      onProgress,
      signal,
    );

/** Uploads a reply template's file (issue 13, admin); see createTemplateFileUpload. */
export type UploadTemplateFile = (
  kind: AttachmentKind,
  file: Blob,
  name: string,
  onProgress: UploadProgress,
  signal?: AbortSignal,
) => Promise<UploadedAttachment>;

/** `POST /api/templates/attachments?kind=&name=`, as a chat's upload is sent (uploadTo). */
export const createTemplateFileUpload =
  (http: HttpClient, send: SendUpload = sendWithXhr): UploadTemplateFile =>
  (kind, file, name, onProgress, signal) =>
    uploadTo(
      http,
      send,
      `/api/templates/attachments${uploadQuery(kind, name)}`,
      file,
      onProgress,
      signal,
    );
