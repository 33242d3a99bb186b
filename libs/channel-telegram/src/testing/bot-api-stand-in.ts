import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in of the Telegram Bot API (https://core.telegram.org/bots/api) for tests only
 * (docs/architecture.md: external SaaS is replaced by a stand-in that answers with the documented
 * payloads; never used by `npm start`). grammY talks to it through `apiRoot`.
 */

/** One call the stand-in received. `params` are the request's parameters, as sent. */
export interface BotApiCall {
  readonly method: string;
  readonly token: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** When the stand-in received it (ms since the epoch): what rate limits are checked against. */
  readonly at: number;
  /** The HTTP status it was answered with; null while unanswered (a stalled chat). */
  status: number | null;
  /** Files uploaded with the call, by the parameter that names them (`photo`, `voice`, ...). */
  readonly files: Readonly<Record<string, UploadedFile>>;
}

/** An error answer as the Bot API gives it. */
export interface BotApiError {
  readonly error_code: number;
  readonly description: string;
  readonly parameters?: { readonly retry_after?: number; readonly migrate_to_chat_id?: number };
}

export const BLOCKED_BY_USER: BotApiError = {
  error_code: 403,
  description: 'Forbidden: bot was blocked by the user',
};
export const CHAT_NOT_FOUND: BotApiError = {
  error_code: 400,
  description: 'Bad Request: chat not found',
};
export const tooManyRequests = (retryAfterSeconds: number): BotApiError => ({
  error_code: 429,
  description: `Too Many Requests: retry after ${retryAfterSeconds}`,
  parameters: { retry_after: retryAfterSeconds },
});

/** The Bot API's download limit: getFile answers "file is too big" above it. */
export const BOT_API_DOWNLOAD_LIMIT_BYTES = 20 * 1024 * 1024;

/** A file the stand-in serves through getFile and `/file/bot<token>/<file_path>`. */
export interface StandInFile {
  readonly bytes: Buffer;
  /** The size getFile reports (default: the bytes' length), to stand for a file too big. */
  readonly fileSize?: number;
  /** Answer the download with 404 (Telegram no longer has it), although getFile knows it. */
  readonly lost?: boolean;
}

export interface BotApiStandInOptions {
  /** The only token it accepts (others get 401 Unauthorized, as Telegram answers). */
  readonly token: string;
  /** getMe's username. Default `parley_bot`. */
  readonly username?: string;
  /** A webhook already set (as after an earlier setWebhook): getUpdates answers 409 until deleted. */
  readonly webhookUrl?: string;
}

/** The webhook as setWebhook left it (getWebhookInfo's fields, plus the secret). */
export interface StandInWebhook {
  readonly url: string;
  readonly secretToken: string | undefined;
  readonly allowedUpdates: readonly string[] | undefined;
}

export interface BotApiStandIn {
  /** `http://127.0.0.1:{port}`: the apiRoot for grammY (TELEGRAM_API_ROOT). */
  readonly apiRoot: string;
  /** Every call so far, in arrival order. */
  readonly calls: readonly BotApiCall[];
  /** Calls of one method, e.g. `sendMessage`. */
  callsOf(method: string): BotApiCall[];
  /** From now on, answer sendMessage to this chat with 403 "bot was blocked by the user". */
  blockChat(chatId: number | string): void;
  /** From now on, answer sendMessage to this chat normally again (the client unblocked the bot). */
  unblockChat(chatId: number | string): void;
  /** Answer sendMessage to this chat with `error`, for the next `times` calls (default: always). */
  failChat(chatId: number | string, error: BotApiError, times?: number): void;
  /** Take sendMessage to this chat (it is recorded in `calls`) and never answer it. */
  stallChat(chatId: number | string): void;
  /** Answer sendMessage to this chat again (calls already stalled stay unanswered). */
  releaseChat(chatId: number | string): void;
  /**
   * Serve a client's file: getFile with this `file_id` answers a `file_path`, and the download
   * of that path answers the bytes (streamed), as Telegram does. Downloads are recorded in
   * `calls` with method `downloadFile` and param `file_path`.
   */
  serveFile(fileId: string, file: StandInFile): void;
  /** The `file_path` getFile answers for a served file. */
  filePathOf(fileId: string): string | undefined;
  /**
   * Queue updates for getUpdates, as Telegram keeps them: served (up to `limit`, in order) while
   * their update_id is at least the offset asked for, and forgotten once a later getUpdates asks
   * for a higher offset. With `redeliver`, they are served once more whatever the offset (a
   * crash before the offset was confirmed, seen from the bot's side). A long poll waiting for
   * updates answers as soon as some are queued.
   */
  queueUpdates(updates: readonly unknown[], options?: { readonly redeliver?: boolean }): void;
  /** The webhook set by setWebhook (null after deleteWebhook, or never set). */
  readonly webhook: StandInWebhook | null;
  close(): Promise<void>;
}

/** A file uploaded in a multipart request (sendPhoto, sendDocument, ...), as it arrived. */
export interface UploadedFile {
  /** The filename the part declared. */
  readonly fileName: string;
  readonly bytes: Buffer;
}

/**
 * Read the parameters of a request as grammY sends them: JSON, form or multipart bodies. A
 * multipart file part is read as bytes; the field that names it (`attach://<id>`, as grammY
 * and the Bot API do it) becomes the file in `files`.
 */
const readParams = async (
  req: IncomingMessage,
  url: URL,
): Promise<{ params: Record<string, unknown>; files: Record<string, UploadedFile> }> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const body = raw.toString('utf8');
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const type = req.headers['content-type'] ?? '';
  if (raw.length === 0) return { params, files: {} };
  if (type.startsWith('application/json'))
    return { params: { ...params, ...JSON.parse(body) }, files: {} };
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return { params: { ...params, ...Object.fromEntries(new URLSearchParams(body)) }, files: {} };
  }
  const boundary = /boundary=("?)([^";]+)\1/.exec(type)?.[2];
  if (type.startsWith('multipart/form-data') && boundary) {
    const parts = multipartParts(raw, boundary);
    const attached = new Map<string, UploadedFile>();
    for (const part of parts) {
      if (part.fileName === null) params[part.name] = part.body.toString('utf8');
      else attached.set(part.name, { fileName: part.fileName, bytes: part.body });
    }
    const files: Record<string, UploadedFile> = {};
    for (const [field, value] of Object.entries(params)) {
      const id = typeof value === 'string' ? /^attach:\/\/(.+)$/.exec(value)?.[1] : undefined;
      const file = id === undefined ? undefined : attached.get(id);
      if (file) files[field] = file;
    }
    return { params, files };
  }
  throw new Error(`unsupported content type "${type}"`);
};

/** The parts of a multipart body: each part's name, its filename (null for a value), its bytes. */
const multipartParts = (raw: Buffer, boundary: string) => {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: { name: string; fileName: string | null; body: Buffer }[] = [];
  let at = raw.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (raw.subarray(start, start + 2).toString() === '--') break;
    const next = raw.indexOf(delimiter, start);
    if (next < 0) break;
    const part = raw.subarray(start + 2, next - 2); // after its CRLF, before the CRLF of the next
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const name = /name="([^"]+)"/i.exec(headers)?.[1];
    // grammY writes the filename unquoted, up to the end of its line.
    const fileName = /filename=("?)([^\r\n]*?)\1(?:\r\n|;|$)/i.exec(headers)?.[2] ?? null;
    if (name !== undefined) parts.push({ name, fileName, body: part.subarray(headerEnd + 4) });
    at = next;
  }
  return parts;
};

/** Form and multipart values arrive as strings; JSON ones as sent. */
const asInt = (value: unknown): number => (typeof value === 'number' ? value : Number(value));

export const startBotApiStandIn = async (options: BotApiStandInOptions): Promise<BotApiStandIn> => {
  const calls: BotApiCall[] = [];
  const failures = new Map<string, { error: BotApiError; remaining: number }>();
  const stalled = new Set<string>();
  const files = new Map<string, StandInFile & { readonly filePath: string }>();
  let nextMessageId = 1;
  let webhook: StandInWebhook | null = options.webhookUrl
    ? { url: options.webhookUrl, secretToken: undefined, allowedUpdates: undefined }
    : null;
  type Queued = { readonly update: { readonly update_id: number }; readonly redeliver: boolean };
  let queued: Queued[] = [];
  const updateWaiters = new Set<() => void>();
  const wakeUpdateWaiters = (): void => {
    for (const wake of [...updateWaiters]) wake();
  };
  const botId = Number(options.token.split(':')[0]);
  const username = options.username ?? 'parley_bot';

  const answer = (res: ServerResponse, status: number, payload: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(payload));
  };
  const answerError = (res: ServerResponse, error: BotApiError): void =>
    answer(res, error.error_code, { ok: false, ...error });

  /** getUpdates: Telegram's 409 while a webhook is set; else the queue from `offset`, long-polled. */
  const getUpdates = async (params: Record<string, unknown>, res: ServerResponse) => {
    if (webhook) {
      return answerError(res, {
        error_code: 409,
        description:
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      });
    }
    const offset = params['offset'] === undefined ? 0 : asInt(params['offset']);
    const limit = params['limit'] === undefined ? 100 : asInt(params['limit']);
    const timeoutMs = (params['timeout'] === undefined ? 0 : asInt(params['timeout'])) * 1000;
    queued = queued.filter((q) => q.redeliver || q.update.update_id >= offset);
    const deadline = Date.now() + timeoutMs;
    while (queued.length === 0 && Date.now() < deadline && !res.destroyed) {
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          clearTimeout(timer);
          updateWaiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, Math.max(0, deadline - Date.now()));
        updateWaiters.add(wake);
        res.once('close', wake);
      });
    }
    if (res.destroyed) return;
    const batch = queued.slice(0, limit);
    const served = new Set(batch.filter((q) => q.redeliver));
    queued = queued.filter((q) => !served.has(q));
    answer(res, 200, { ok: true, result: batch.map((q) => q.update) });
  };

  /**
   * A message to a chat, as Telegram answers it: never answered for a stalled chat, the chat's
   * failure while one is set, else the message with its new id and `content`'s fields.
   */
  const deliver = (
    params: Record<string, unknown>,
    res: ServerResponse,
    content: Record<string, unknown>,
  ): void => {
    const chatId = String(params['chat_id'] ?? '');
    if (chatId === '') {
      return answerError(res, { error_code: 400, description: 'Bad Request: chat_id is empty' });
    }
    if (stalled.has(chatId)) return; // no answer, ever: the caller's timeout decides
    const failure = failures.get(chatId);
    if (failure) {
      failure.remaining -= 1;
      if (failure.remaining <= 0) failures.delete(chatId);
      return answerError(res, failure.error);
    }
    const messageId = nextMessageId++;
    answer(res, 200, {
      ok: true,
      result: {
        message_id: messageId,
        from: { id: botId, is_bot: true, first_name: username, username },
        date: Math.floor(Date.now() / 1000),
        chat: { id: asInt(params['chat_id']), type: 'private' },
        ...content,
      },
    });
  };

  /**
   * sendPhoto, sendVideo, sendDocument, sendVoice with the file uploaded in the request (what
   * Parley sends; a file_id or URL is refused here, to catch a sender that does not upload).
   * Over the Bot API's upload limits (photos 10 MB, other files 50 MB): 413, as Telegram answers.
   */
  const sendUpload = (
    kind: 'photo' | 'video' | 'document' | 'voice',
    params: Record<string, unknown>,
    res: ServerResponse,
    files: Readonly<Record<string, UploadedFile>>,
  ): void => {
    const file = files[kind];
    if (!file) {
      return answerError(res, {
        error_code: 400,
        description: `Bad Request: there is no ${kind} uploaded in the request`,
      });
    }
    if (file.bytes.length > (kind === 'photo' ? 10 : 50) * 1024 * 1024) {
      return answerError(res, { error_code: 413, description: 'Request Entity Too Large' });
    }
    const id = `${kind}-${nextMessageId}`;
    const described = {
      file_id: id,
      file_unique_id: `unique-${id}`,
      file_size: file.bytes.length,
    };
    const caption = typeof params['caption'] === 'string' ? { caption: params['caption'] } : {};
    const content: Record<string, unknown> =
      kind === 'photo'
        ? { photo: [{ ...described, width: 1280, height: 960 }] }
        : kind === 'voice'
          ? {
              voice: {
                ...described,
                duration: asInt(params['duration'] ?? 0),
                mime_type: 'audio/ogg',
              },
            }
          : kind === 'video'
            ? {
                video: {
                  ...described,
                  width: 640,
                  height: 360,
                  duration: 1,
                  file_name: file.fileName,
                },
              }
            : { document: { ...described, file_name: file.fileName } };
    deliver(params, res, { ...content, ...caption });
  };

  const methods: Record<
    string,
    (
      params: Record<string, unknown>,
      res: ServerResponse,
      files: Readonly<Record<string, UploadedFile>>,
    ) => void | Promise<void>
  > = {
    getUpdates,
    setWebhook: (params, res) => {
      const url = String(params['url'] ?? '');
      const secretToken = params['secret_token'];
      if (url !== '' && !url.startsWith('https://')) {
        return answerError(res, {
          error_code: 400,
          description: 'Bad Request: bad webhook: An HTTPS URL must be provided for webhook',
        });
      }
      if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(String(secretToken))) {
        return answerError(res, {
          error_code: 400,
          description: 'Bad Request: secret token contains unallowed characters',
        });
      }
      const allowed = params['allowed_updates'];
      webhook =
        url === ''
          ? null
          : {
              url,
              secretToken: secretToken === undefined ? undefined : String(secretToken),
              allowedUpdates: Array.isArray(allowed)
                ? allowed.map(String)
                : typeof allowed === 'string'
                  ? (JSON.parse(allowed) as string[])
                  : undefined,
            };
      answer(res, 200, {
        ok: true,
        result: true,
        description: url === '' ? 'Webhook was deleted' : 'Webhook was set',
      });
    },
    getWebhookInfo: (_params, res) =>
      answer(res, 200, {
        ok: true,
        result: {
          url: webhook?.url ?? '',
          has_custom_certificate: false,
          pending_update_count: queued.length,
          ...(webhook?.allowedUpdates && { allowed_updates: webhook.allowedUpdates }),
        },
      }),
    deleteWebhook: (_params, res) => {
      const had = webhook !== null;
      webhook = null;
      answer(res, 200, {
        ok: true,
        result: true,
        description: had ? 'Webhook was deleted' : 'Webhook is already deleted',
      });
    },
    getMe: (_params, res) =>
      answer(res, 200, {
        ok: true,
        result: {
          id: botId,
          is_bot: true,
          first_name: username,
          username,
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
          can_connect_to_business: false,
          has_main_web_app: false,
        },
      }),
    getFile: (params, res) => {
      const fileId = String(params['file_id'] ?? '');
      const file = files.get(fileId);
      if (!file) {
        return answerError(res, { error_code: 400, description: 'Bad Request: invalid file_id' });
      }
      const fileSize = file.fileSize ?? file.bytes.length;
      if (fileSize > BOT_API_DOWNLOAD_LIMIT_BYTES) {
        return answerError(res, { error_code: 400, description: 'Bad Request: file is too big' });
      }
      answer(res, 200, {
        ok: true,
        result: {
          file_id: fileId,
          file_unique_id: `unique-${fileId}`,
          file_size: fileSize,
          file_path: file.filePath,
        },
      });
    },
    sendMessage: (params, res) => {
      const text = params['text'];
      if (typeof text !== 'string' || text.length === 0) {
        return answerError(res, {
          error_code: 400,
          description:
            String(params['chat_id'] ?? '') === ''
              ? 'Bad Request: chat_id is empty'
              : 'Bad Request: message text is empty',
        });
      }
      deliver(params, res, { text });
    },
    sendPhoto: (params, res, files) => sendUpload('photo', params, res, files),
    sendVideo: (params, res, files) => sendUpload('video', params, res, files),
    sendDocument: (params, res, files) => sendUpload('document', params, res, files),
    sendVoice: (params, res, files) => sendUpload('voice', params, res, files),
  };

  /** `GET /file/bot<token>/<file_path>`: the bytes, in chunks; 404 for a path it never gave. */
  const serveDownload = (
    req: IncomingMessage,
    res: ServerResponse,
    token: string,
    filePath: string,
  ): void => {
    const call: BotApiCall = {
      method: 'downloadFile',
      token,
      params: { file_path: filePath },
      at: Date.now(),
      status: null,
      files: {},
    };
    calls.push(call);
    res.once('finish', () => (call.status = res.statusCode));
    req.resume();
    if (token !== options.token) {
      return answerError(res, { error_code: 401, description: 'Unauthorized' });
    }
    const file = [...files.values()].find((f) => f.filePath === filePath);
    if (!file || file.lost) return answerError(res, { error_code: 404, description: 'Not Found' });
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': file.bytes.length,
    });
    const CHUNK = 64 * 1024;
    for (let at = 0; at < file.bytes.length; at += CHUNK) {
      res.write(file.bytes.subarray(at, at + CHUNK));
    }
    res.end();
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
      if (download) return serveDownload(req, res, download[1] ?? '', download[2] ?? '');
      const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
      if (!match) return answerError(res, { error_code: 404, description: 'Not Found' });
      const [, token, method] = match as unknown as [string, string, string];
      if (token !== options.token) {
        return answerError(res, { error_code: 401, description: 'Unauthorized' });
      }
      const { params, files } = await readParams(req, url);
      const call: BotApiCall = { method, token, params, at: Date.now(), status: null, files };
      calls.push(call);
      res.once('finish', () => (call.status = res.statusCode));
      const handler = methods[method];
      if (!handler) return answerError(res, { error_code: 404, description: 'Not Found' });
      await handler(params, res, files);
    })().catch((error: unknown) =>
      answerError(res, { error_code: 400, description: `Bad Request: ${String(error)}` }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    calls,
    callsOf: (method) => calls.filter((c) => c.method === method),
    blockChat: (chatId) =>
      failures.set(String(chatId), { error: BLOCKED_BY_USER, remaining: Infinity }),
    unblockChat: (chatId) => void failures.delete(String(chatId)),
    failChat: (chatId, error, times = Infinity) =>
      failures.set(String(chatId), { error, remaining: times }),
    stallChat: (chatId) => void stalled.add(String(chatId)),
    releaseChat: (chatId) => void stalled.delete(String(chatId)),
    serveFile: (fileId, file) =>
      void files.set(fileId, {
        ...file,
        filePath: files.get(fileId)?.filePath ?? `documents/file_${files.size + 1}`,
      }),
    filePathOf: (fileId) => files.get(fileId)?.filePath,
    queueUpdates: (updates, { redeliver = false } = {}) => {
      for (const update of updates) {
        queued.push({ update: update as { readonly update_id: number }, redeliver });
      }
      wakeUpdateWaiters();
    },
    get webhook() {
      return webhook;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};
