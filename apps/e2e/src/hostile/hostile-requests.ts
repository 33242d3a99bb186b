import { REQUEST_BODY_LIMITS } from '@parley/contracts';
import fc from 'fast-check';
import type { HostileRequest } from './hostile-http';

/** What a generated request may use of the running Parley: real ids, a real token, the secret. */
export interface HostileContext {
  readonly accessToken: string;
  readonly refreshCookie: string;
  readonly conversationId: string;
  readonly webhookSecret: string;
  readonly managerEmail: string;
  /** The Telegram chat whose conversation the suite counts: generated updates never use it. */
  readonly countedChatId: number;
  /** A one-time WebSocket ticket of the manager, fresh when the upgrades are generated. */
  readonly liveTicket?: string;
}

/** Text a person would never type, and text that is fine: both go everywhere text goes. */
export const hostileText = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '',
        ' ',
        '\u0000',
        'hi\u0000there',
        '\uD800',
        'a\uDC00b',
        '\uDC00\uD800',
        '   \n\t ',
        '\u200B\u200D\uFEFF',
        '\u3164\u115F',
        '\u2800',
        '\u202Eevil',
        'Привет 👋',
        "'; DROP TABLE events; --",
        '{"$gt":""}',
        '../../etc/passwd',
        '<script>alert(1)</script>',
        'x'.repeat(4096),
        'x'.repeat(4097),
        '🙂'.repeat(3000),
      ),
    },
  );

const garbageSegment = fc.constantFrom(
  '%',
  '%zz',
  '%E0%A4%A',
  '%00',
  '%2F',
  '%2e%2e',
  '..',
  '.',
  '%FF%FE',
  '%C0%AF',
  'a'.repeat(3000),
  '[::1',
  '%5B%3A%3A1',
);

/** Printable ASCII, the most Node's HTTP client lets into a path or header. */
const printable = (maxLength = 40): fc.Arbitrary<string> =>
  fc.string({
    unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
    maxLength,
  });

const encoded = (text: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  text.map((t) => {
    try {
      return encodeURIComponent(t);
    } catch {
      return 'lone%ED%A0%80';
    }
  });

/** A conversation id in a path: the real one mostly, else anything that fits in a path. */
const conversationSegment = (ctx: HostileContext): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(encodeURIComponent(ctx.conversationId)) },
    { weight: 2, arbitrary: encoded(fc.string({ unit: 'binary', maxLength: 40 })) },
    { weight: 2, arbitrary: garbageSegment },
    { weight: 1, arbitrary: printable().filter((s) => !s.includes('/') && !s.includes('?')) },
  );

const isoCursor = fc
  .record({
    lastActivityAt: fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.string({ maxLength: 30 }),
    ),
    _id: fc.oneof(fc.string({ maxLength: 30 }), fc.integer()),
  })
  .map((key) => Buffer.from(JSON.stringify(key)).toString('base64url'));

const queryValue = fc.oneof(
  fc.constantFrom('1', '50', '200', '0', '-1', '201', '1e9', '1.5', '0x10', '%205', 'NaN', ''),
  fc.constantFrom('true', 'false', 'yes', '1'),
  fc.bigInt({ min: 0n, max: 10n ** 40n }).map(String),
  isoCursor,
  encoded(hostileText()),
  garbageSegment,
);

const queryString = (keys: readonly string[]): fc.Arbitrary<string> =>
  fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom(...keys),
          printable(12).filter((k) => !/[&=#]/.test(k)),
        ),
        queryValue,
      ),
      { maxLength: 4 },
    )
    .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));

/** The access token as a request may carry it: valid mostly, else missing, broken or forged. */
const authorization = (ctx: HostileContext): fc.Arbitrary<Record<string, string>> =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constant({ authorization: `Bearer ${ctx.accessToken}` }) },
    { weight: 2, arbitrary: fc.constant({}) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        { authorization: ctx.accessToken },
        { authorization: `Bearer ${ctx.accessToken.slice(0, -2)}xx` },
        { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.' },
        { authorization: 'Basic YWRtaW46YWRtaW4=' },
        { authorization: 'Bearer' },
      ),
    },
    { weight: 1, arbitrary: printable(80).map((t) => ({ authorization: `Bearer ${t}` })) },
  );

/** A body as sent: JSON of `value` under a JSON content type mostly, else anything. */
const body = (
  value: fc.Arbitrary<unknown>,
  limit: number,
): fc.Arbitrary<{ headers: Record<string, string>; body?: string }> => {
  const json = 'application/json';
  const contentType = fc.oneof(
    { weight: 8, arbitrary: fc.constant(json) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        'application/json; charset=utf-8',
        'application/json; charset=latin1',
        'application/vnd.api+json',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'text/plain',
        'application/xml',
        '',
      ),
    },
    { weight: 1, arbitrary: printable(30) },
  );
  const text = fc.oneof(
    { weight: 8, arbitrary: value.map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('{"a":', '[', 'email=a%40b.c&password=x', '"text"', '1'),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(limit + 1, limit * 2, REQUEST_BODY_LIMITS.telegramWebhook + 1)
        .map((size) => JSON.stringify({ text: 'x'.repeat(size) })),
    },
  );
  return fc
    .oneof(
      { weight: 9, arbitrary: fc.record({ type: contentType, text }) },
      { weight: 1, arbitrary: fc.record({ type: fc.constant(''), text: fc.constant(undefined) }) },
    )
    .map(({ type, text: t }) => ({
      headers: type ? { 'content-type': type } : ({} as Record<string, string>),
      ...(t !== undefined && { body: t }),
    }));
};

/** Any JSON value, with hostile text in its strings. */
const anyJson = fc.jsonValue({ maxDepth: 3 });

const withExtraFields = <T extends object>(record: fc.Arbitrary<T>): fc.Arbitrary<object> =>
  fc.oneof(
    { weight: 4, arbitrary: record },
    {
      weight: 1,
      arbitrary: fc
        .tuple(record, fc.dictionary(fc.string({ maxLength: 10 }), anyJson, { maxKeys: 3 }))
        .map(([r, extra]) => ({ ...extra, ...r })),
    },
  );

const requestOf = (
  endpoint: string,
  method: fc.Arbitrary<string>,
  path: fc.Arbitrary<string>,
  headers: fc.Arbitrary<Record<string, string>>,
  payload: fc.Arbitrary<{ headers: Record<string, string>; body?: string }>,
): fc.Arbitrary<HostileRequest> =>
  fc.record({ method, path, headers, payload }).map((r) => ({
    endpoint,
    method: r.method,
    path: r.path,
    headers: { ...r.headers, ...r.payload.headers },
    ...(r.payload.body !== undefined && { body: r.payload.body }),
  }));

/** POST /api/auth/login: real and made-up accounts, any body. */
export const signInRequests = (ctx: HostileContext): fc.Arbitrary<HostileRequest> =>
  requestOf(
    'sign-in',
    fc.oneof(
      { weight: 9, arbitrary: fc.constant('POST') },
      { weight: 1, arbitrary: fc.constantFrom('GET', 'PUT') },
    ),
    fc.constantFrom('/api/auth/login', '/api/auth/login/', '/api/auth/login?x=1'),
    fc.constant({}),
    body(
      fc.oneof(
        withExtraFields(
          fc.record({
            email: fc.oneof(fc.constant(ctx.managerEmail), fc.emailAddress(), hostileText()),
            password: fc.oneof(hostileText(), fc.integer(), fc.constant(null)),
          }),
        ),
        anyJson,
      ),
      REQUEST_BODY_LIMITS.auth,
    ),
  );

/** POST /api/auth/refresh and /api/auth/logout: the real cookie, forged ones, none. */
export const sessionRequests = (ctx: HostileContext): fc.Arbitrary<HostileRequest> => {
  const cookieName = ctx.refreshCookie.split('=')[0] ?? 'refresh';
  return requestOf(
    'refresh',
    fc.constant('POST'),
    fc.constantFrom('/api/auth/refresh', '/api/auth/logout'),
    fc.oneof(
      fc.constant({}),
      fc.constant({ cookie: ctx.refreshCookie }),
      printable(60).map((v) => ({ cookie: `${cookieName}=${v}` })),
      printable(60).map((v) => ({ cookie: v })),
      fc.constant({ cookie: `${cookieName}=%E0%A4%A; ${cookieName}=x` }),
    ),
    fc.oneof(fc.constant({ headers: {} }), body(anyJson, REQUEST_BODY_LIMITS.auth)),
  );
};

/** Every GET of the API, with any query, any conversation id, any token. */
export const readRequests = (ctx: HostileContext): fc.Arbitrary<HostileRequest> => {
  const id = conversationSegment(ctx);
  const path = fc.oneof(
    fc.constant('/api/me'),
    queryString(['limit', 'cursor', 'archived']).map((q) => `/api/chats${q}`),
    id.map((c) => `/api/chats/${c}`),
    fc.tuple(id, queryString(['limit', 'before'])).map(([c, q]) => `/api/chats/${c}/timeline${q}`),
    id.map((c) => `/api/chats/${c}/card`),
    fc.constantFrom(
      '/api',
      '/api/',
      '/api/chats/',
      '/api/nothing',
      '/api/chats//card',
      '/api/live',
    ),
  );
  return requestOf(
    'api-read',
    fc.oneof(
      { weight: 8, arbitrary: fc.constant('GET') },
      { weight: 1, arbitrary: fc.constantFrom('HEAD', 'OPTIONS', 'DELETE', 'PUT', 'PATCH') },
    ),
    path,
    authorization(ctx),
    fc.oneof(
      { weight: 9, arbitrary: fc.constant({ headers: {} }) },
      { weight: 1, arbitrary: body(anyJson, REQUEST_BODY_LIMITS.other) },
    ),
  );
};

/** POST /api/chats/:id/messages and /read: real and unknown chats, any body, any token. */
export const commandRequests = (ctx: HostileContext): fc.Arbitrary<HostileRequest> => {
  const id = conversationSegment(ctx);
  const message = withExtraFields(
    fc.record(
      {
        text: fc.oneof({ weight: 4, arbitrary: hostileText() }, { weight: 1, arbitrary: anyJson }),
        messageId: fc.oneof(fc.uuid(), printable(36), fc.integer()),
      },
      { requiredKeys: ['text'] },
    ),
  );
  return fc.oneof(
    {
      weight: 4,
      arbitrary: requestOf(
        'send-message',
        fc.constant('POST'),
        id.map((c) => `/api/chats/${c}/messages`),
        authorization(ctx),
        body(
          fc.oneof({ weight: 5, arbitrary: message }, { weight: 1, arbitrary: anyJson }),
          REQUEST_BODY_LIMITS.message,
        ),
      ),
    },
    {
      weight: 1,
      arbitrary: requestOf(
        'mark-read',
        fc.constant('POST'),
        id.map((c) => `/api/chats/${c}/read`),
        authorization(ctx),
        fc.oneof(fc.constant({ headers: {} }), body(anyJson, REQUEST_BODY_LIMITS.other)),
      ),
    },
    {
      weight: 1,
      arbitrary: requestOf(
        'live-ticket',
        fc.constant('POST'),
        fc.constantFrom('/api/live/ticket', '/api/live/ticket/', '/api/live/tickets'),
        authorization(ctx),
        fc.oneof(fc.constant({ headers: {} }), body(anyJson, REQUEST_BODY_LIMITS.other)),
      ),
    },
  );
};

const chatId = (ctx: HostileContext): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 800_000, max: 2 ** 31 - 1 }) },
    { weight: 1, arbitrary: fc.integer({ min: -(2 ** 52), max: -1 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(0, 2 ** 53, 1e308, '42', null, ctx.countedChatId + 0.5),
    },
  );

/** An update as Telegram might send one, or something only shaped like it. */
const telegramUpdate = (ctx: HostileContext): fc.Arbitrary<unknown> => {
  const user = fc.record(
    {
      id: chatId(ctx),
      is_bot: fc.boolean(),
      first_name: hostileText(),
      last_name: hostileText(),
      username: fc.oneof(printable(20), hostileText()),
      language_code: fc.constantFrom('en', 'ru', 'xx', ''),
    },
    { requiredKeys: ['id', 'is_bot', 'first_name'] },
  );
  const message = fc.record(
    {
      message_id: fc.oneof(fc.nat(), fc.integer(), fc.constant('1')),
      date: fc.oneof(
        fc.integer({ min: 1_600_000_000, max: 1_900_000_000 }),
        fc.constantFrom(0, -1, 2 ** 53, 1e20, 253402300800, '2026-12-01'),
      ),
      chat: fc.record({
        id: chatId(ctx),
        type: fc.oneof(fc.constantFrom('private', 'group', 'supergroup', 'channel'), printable(10)),
      }),
      from: user,
      text: hostileText(),
      caption: hostileText(),
      entities: fc.array(
        fc.record({
          offset: fc.integer({ min: -5, max: 100 }),
          length: fc.integer({ min: -5, max: 100 }),
          type: fc.constantFrom('bot_command', 'url', 'bold', 'nonsense'),
        }),
        { maxLength: 3 },
      ),
      photo: fc.array(fc.record({ file_id: printable(20), width: fc.nat(), height: fc.nat() }), {
        maxLength: 2,
      }),
      sticker: fc.record({ file_id: printable(20), emoji: hostileText() }),
      voice: fc.record({ file_id: printable(20), duration: fc.integer() }),
    },
    { requiredKeys: ['message_id', 'date', 'chat'] },
  );
  const kind = fc.constantFrom(
    'message',
    'message',
    'message',
    'edited_message',
    'channel_post',
    'my_chat_member',
    'callback_query',
    'something_new',
  );
  return fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .tuple(
          fc.oneof(
            fc.integer({ min: 1000, max: 2 ** 31 - 1 }),
            fc.constantFrom(-1, 0, 2 ** 53, 'abc', null),
          ),
          kind,
          message,
        )
        .map(([updateId, k, m]) => ({ update_id: updateId, [k]: m })),
    },
    { weight: 1, arbitrary: anyJson },
  );
};

/** POST /channels/telegram/webhook: the right secret, a wrong one, none. */
export const webhookRequests = (ctx: HostileContext): fc.Arbitrary<HostileRequest> =>
  requestOf(
    'telegram-webhook',
    fc.constant('POST'),
    fc.constantFrom(
      '/channels/telegram/webhook',
      '/channels/telegram/webhook?x=1',
      '/channels/telegram/webhook/',
    ),
    fc.oneof(
      {
        weight: 5,
        arbitrary: fc.constant({ 'x-telegram-bot-api-secret-token': ctx.webhookSecret }),
      },
      { weight: 1, arbitrary: fc.constant({}) },
      {
        weight: 2,
        arbitrary: fc
          .oneof(
            printable(40),
            fc.constant(`${ctx.webhookSecret} `),
            fc.constant(ctx.webhookSecret.slice(1)),
          )
          .map((s) => ({ 'x-telegram-bot-api-secret-token': s })),
      },
    ),
    body(telegramUpdate(ctx), REQUEST_BODY_LIMITS.telegramWebhook),
  );

const headerName = fc
  .string({
    unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz-0123456789'.split('')),
    minLength: 1,
    maxLength: 16,
  })
  .filter((n) => !/^(content-length|transfer-encoding|host|connection|upgrade)$/.test(n));

/**
 * A WebSocket upgrade as raw bytes: any request target (the live path with and without a
 * ticket, a ticket used before, the access token where a ticket belongs, other paths, unparseable and percent-garbage URLs, bytes above ASCII), any handshake
 * headers. Always a complete request head, so the server answers rather than waits.
 */
export const upgradeRequests = (ctx: HostileContext): fc.Arbitrary<Buffer> => {
  const target = fc.oneof(
    { weight: 2, arbitrary: fc.constant(`/api/live?ticket=${ctx.liveTicket ?? ''}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '/api/live',
        '/api/live?ticket=',
        '/api/live?ticket=%E0%A4%A',
        `/api/live?access_token=${ctx.accessToken}`,
        `/api/live?ticket=${ctx.accessToken}`,
      ),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '//[::1',
        '//[',
        '/%',
        '/api/live%',
        '/api/live/../live',
        '/API/LIVE',
        '/api/live/',
        'http://evil.example/api/live',
        '*',
        '/api/chats',
        '/',
        '//',
        '/%00',
      ),
    },
    { weight: 2, arbitrary: printable(60).map((p) => `/${p}`) },
    {
      weight: 1,
      arbitrary: fc.tuple(garbageSegment, printable(20)).map(([g, p]) => `/api/live?${g}${p}`),
    },
    {
      weight: 1,
      arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).map((s) => `/${s}`),
    },
  );
  const key = fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .uint8Array({ minLength: 16, maxLength: 16 })
        .map((b) => Buffer.from(b).toString('base64')),
    },
    { weight: 1, arbitrary: printable(30) },
  );
  const headers = fc.record(
    {
      upgrade: fc.oneof(
        { weight: 4, arbitrary: fc.constant('websocket') },
        { weight: 1, arbitrary: fc.constantFrom('WebSocket', 'h2c', '', 'websocket, h2c') },
      ),
      connection: fc.oneof(
        { weight: 4, arbitrary: fc.constant('Upgrade') },
        {
          weight: 1,
          arbitrary: fc.constantFrom('keep-alive, Upgrade', 'upgrade', 'close, Upgrade'),
        },
      ),
      'sec-websocket-key': key,
      'sec-websocket-version': fc.oneof(
        { weight: 4, arbitrary: fc.constant('13') },
        { weight: 1, arbitrary: fc.constantFrom('8', '', '13, 8', 'abc') },
      ),
      origin: fc.oneof(fc.constant('http://evil.example'), printable(30)),
      'sec-websocket-extensions': fc.constantFrom(
        'permessage-deflate; client_max_window_bits',
        'x-nonsense',
        ';;;',
      ),
      'sec-websocket-protocol': fc.oneof(printable(20), fc.constant('a, a')),
    },
    { requiredKeys: ['upgrade', 'connection'] },
  );
  const extra = fc.array(fc.tuple(headerName, printable(40)), { maxLength: 3 });
  return fc.record({ target, headers, extra }).map(({ target: t, headers: h, extra: x }) => {
    const lines = [`GET ${t} HTTP/1.1`, 'Host: localhost'];
    for (const [name, value] of Object.entries(h)) lines.push(`${name}: ${value}`);
    for (const [name, value] of x) lines.push(`${name}: ${value}`);
    return Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8');
  });
};
