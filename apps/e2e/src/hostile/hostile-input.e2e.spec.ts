import { REQUEST_BODY_LIMITS } from '@parley/contracts';
import { waitUntil } from '@parley/test-infra';
import fc from 'fast-check';
import {
  closeHostileConnections,
  sendHostile,
  sendRaw,
  type HostileAnswer,
  type HostileRequest,
} from './hostile-http';
import {
  commandRequests,
  readRequests,
  sessionRequests,
  signInRequests,
  upgradeRequests,
  webhookRequests,
  type HostileContext,
} from './hostile-requests';
import {
  CLIENT_CHAT_ID,
  repliesIn,
  startParleyUnderTest,
  type ParleyUnderTest,
} from './parley-under-test';

// Hostile input against `npm start` (issue 7): generated requests over the shape of every
// public endpoint, and a named case for each bug found by hand. Each asserts no 5xx and a
// process still alive; rejected commands append nothing. Replay a failure with the seed it
// prints: HOSTILE_SEED=<seed> npm run test:hostile.

const SEED = Number(process.env['HOSTILE_SEED'] ?? 20261202);

/** Generated requests per endpoint; 2,100 in all. */
const RUNS = {
  signIn: 200,
  session: 150,
  read: 600,
  command: 450,
  webhook: 400,
  upgrade: 300,
} as const;

describe(`hostile input against npm start (seed ${SEED})`, () => {
  let parley: ParleyUnderTest;
  let ctx: HostileContext;
  let repliesBefore: number;
  /** Replies the API accepted (202) into the counted conversation, by message id. */
  const acceptedReplies = new Set<string>();
  const tally = new Map<string, Map<number, number>>();
  let generated = 0;

  const count = (endpoint: string, status: number): void => {
    const byStatus = tally.get(endpoint) ?? new Map<number, number>();
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    tally.set(endpoint, byStatus);
  };

  beforeAll(async () => {
    parley = await startParleyUnderTest();
    ctx = {
      accessToken: parley.accessToken,
      refreshCookie: parley.refreshCookie,
      conversationId: parley.conversationId,
      webhookSecret: parley.fixture.webhookSecret,
      managerEmail: parley.fixture.manager.email,
      countedChatId: CLIENT_CHAT_ID,
    };
    repliesBefore = repliesIn(await parley.timeline());
  });

  afterAll(async () => {
    closeHostileConnections();
    const lines = [...tally].map(
      ([endpoint, byStatus]) =>
        `  ${endpoint}: ${[...byStatus]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s}×${n}`)
          .join(' ')}`,
    );
    process.stderr.write(
      `hostile input (seed ${SEED}): ${generated} generated requests\n${lines.join('\n')}\n`,
    );
    await parley?.close();
  });

  const describeRequest = (req: HostileRequest): string =>
    `${req.method} ${req.path} ${JSON.stringify(req.headers)} ${
      req.body === undefined ? '' : JSON.stringify(req.body.slice(0, 300))
    }`;

  /** Send it; the answer is not a 5xx (with the process's output when it is). */
  const answered = async (req: HostileRequest): Promise<HostileAnswer> => {
    let answer: HostileAnswer;
    try {
      answer = await sendHostile(parley.baseUrl, req);
    } catch (e) {
      throw new Error(`no answer to ${describeRequest(req)}: ${String(e)}`);
    }
    count(req.endpoint, answer.status);
    if (answer.status >= 500) {
      await new Promise((resolve) => setTimeout(resolve, 300)); // let the logged error arrive
      throw new Error(
        `${answer.status} for ${describeRequest(req)}: ${answer.body}\n--- Parley's output ---\n${parley
          .output()
          .slice(-3000)}`,
      );
    }
    return answer;
  };

  const expectAlive = async (): Promise<void> => {
    if (!(await parley.alive())) {
      throw new Error(`Parley is down:\n${parley.output().slice(-5000)}`);
    }
  };

  /** The replies in the counted conversation are exactly the ones the API accepted. */
  const expectOnlyAcceptedReplies = async (): Promise<void> => {
    const expected = repliesBefore + acceptedReplies.size;
    await waitUntil(
      `${expected} replies in the timeline`,
      async () => (repliesIn(await parley.timeline()) === expected ? true : undefined),
      20_000,
    ).catch(async () => {
      throw new Error(
        `the timeline has ${repliesIn(await parley.timeline())} replies, the API accepted ${expected}`,
      );
    });
  };

  const generatedOver = async (
    arbitrary: fc.Arbitrary<HostileRequest>,
    numRuns: number,
    check: (req: HostileRequest, answer: HostileAnswer) => void = () => undefined,
  ): Promise<void> => {
    await fc.assert(
      fc.asyncProperty(arbitrary, async (req) => {
        generated += 1;
        check(req, await answered(req));
      }),
      { seed: SEED, numRuns, endOnFailure: true },
    );
    await expectAlive();
  };

  it(`Given ${RUNS.signIn} generated sign-ins, Then none answers 5xx and Parley stays up`, async () => {
    await generatedOver(signInRequests(ctx), RUNS.signIn);
  });

  it(`Given ${RUNS.session} generated refreshes and sign-outs, Then none answers 5xx`, async () => {
    await generatedOver(sessionRequests(ctx), RUNS.session);
  });

  it(`Given ${RUNS.read} generated reads of every API route, with and without a token, Then none answers 5xx`, async () => {
    await generatedOver(readRequests(ctx), RUNS.read, (req, answer) => {
      // Nothing of the API answers without the one valid token.
      if (answer.status === 200 && req.headers['authorization'] !== `Bearer ${ctx.accessToken}`) {
        throw new Error(`200 without a valid token: ${describeRequest(req)}`);
      }
    });
  });

  it(`Given ${RUNS.command} generated commands, Then none answers 5xx and only accepted replies are appended`, async () => {
    const countedPath = `/api/chats/${encodeURIComponent(ctx.conversationId)}/messages`;
    await generatedOver(commandRequests(ctx), RUNS.command, (req, answer) => {
      if (req.path !== countedPath || answer.status !== 202) return;
      const { messageId } = JSON.parse(answer.body) as { messageId: string };
      acceptedReplies.add(messageId);
    });
    await expectOnlyAcceptedReplies();
  });

  it(`Given ${RUNS.webhook} generated Telegram updates, with the right secret and wrong ones, Then none answers 5xx`, async () => {
    await generatedOver(webhookRequests(ctx), RUNS.webhook);
    await expectOnlyAcceptedReplies();
  });

  it(`Given ${RUNS.upgrade} generated WebSocket upgrades, Then each is answered, a refused one closed, and Parley stays up`, async () => {
    const liveTicket = await parley.liveTicket();
    let upgraded = 0;
    await fc.assert(
      fc.asyncProperty(upgradeRequests({ ...ctx, liveTicket }), async (bytes) => {
        generated += 1;
        const answer = await sendRaw(parley.baseUrl, bytes);
        count('websocket-upgrade', answer.status);
        const what = JSON.stringify(bytes.toString('latin1'));
        if (answer.status === 101) {
          // Only the ticket opens a socket, and only once.
          upgraded += 1;
          expect({ what, upgraded, withTicket: what.includes(`ticket=${liveTicket}`) }).toEqual({
            what,
            upgraded: 1,
            withTicket: true,
          });
        }
        expect({ what, status: answer.status >= 100 && answer.status < 500 }).toEqual({
          what,
          status: true,
        });
        // An upgrade refused is closed; a request Node took for plain HTTP may stay open.
        const keptAlive = /\r\nconnection: keep-alive\r\n/i.test(answer.text);
        if (answer.status !== 101 && !keptAlive)
          expect({ what, closed: answer.closed }).toEqual({ what, closed: true });
      }),
      { seed: SEED, numRuns: RUNS.upgrade, endOnFailure: true },
    );
    await expectAlive();
  });

  it('Then at least 2,000 requests were generated in this run', () => {
    expect(generated).toBeGreaterThanOrEqual(2000);
  });

  describe('named cases', () => {
    const json = { 'content-type': 'application/json' };
    const bearer = (): Record<string, string> => ({ authorization: `Bearer ${ctx.accessToken}` });
    const messages = (): string => `/api/chats/${encodeURIComponent(ctx.conversationId)}/messages`;

    const refusedWith = async (
      req: Omit<HostileRequest, 'endpoint'>,
      status: number,
      field: string,
    ): Promise<void> => {
      const answer = await answered({ endpoint: 'named', ...req });
      expect(answer.status).toBe(status);
      const body = JSON.parse(answer.body) as { statusCode: number; issues?: { field: string }[] };
      expect(body.statusCode).toBe(status);
      expect(body.issues?.map((i) => i.field)).toContain(field);
      await expectAlive();
    };

    it.each([
      ['an unparseable URL', '//[::1'],
      ['percent garbage in the path', '/api/live%%zz?ticket=%E0%A4%A'],
      ['another path', '/api/chats'],
    ])(
      'Given a WebSocket upgrade to %s without a ticket, Then it is refused, closed, and Parley stays up',
      async (_name, target) => {
        const answer = await sendRaw(
          parley.baseUrl,
          Buffer.from(
            `GET ${target} HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
              'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
          ),
        );
        expect(answer.status).toBeGreaterThanOrEqual(400);
        expect(answer.status).toBeLessThan(500);
        expect(answer.closed).toBe(true);
        await expectAlive();
      },
    );

    it('Given a ticket, When a broken handshake, then a good one, then the same again, Then 400 (the ticket kept), 101, and 401', async () => {
      const ticket = await parley.liveTicket();
      const handshake = (key: string): Buffer =>
        Buffer.from(
          `GET /api/live?ticket=${ticket} HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n` +
            `Connection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
        );
      const good = 'dGhlIHNhbXBsZSBub25jZQ==';

      expect((await sendRaw(parley.baseUrl, handshake('not-a-key'))).status).toBe(400);
      expect((await sendRaw(parley.baseUrl, handshake(good))).status).toBe(101);
      expect((await sendRaw(parley.baseUrl, handshake(good))).status).toBe(401);
      await expectAlive();
    });

    it('Given an urlencoded sign-in, Then 415 naming the content type', async () => {
      await refusedWith(
        {
          method: 'POST',
          path: '/api/auth/login',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `email=${encodeURIComponent(parley.fixture.manager.email)}&password=x`,
        },
        415,
        'content-type',
      );
    });

    it('Given an urlencoded reply, Then 415 and nothing is appended', async () => {
      await refusedWith(
        {
          method: 'POST',
          path: messages(),
          headers: { ...bearer(), 'content-type': 'application/x-www-form-urlencoded' },
          body: 'text=hello',
        },
        415,
        'content-type',
      );
      await expectOnlyAcceptedReplies();
    });

    it.each([
      ['sign-in', '/api/auth/login', REQUEST_BODY_LIMITS.auth],
      ['refresh', '/api/auth/refresh', REQUEST_BODY_LIMITS.auth],
      ['a reply', '__messages__', REQUEST_BODY_LIMITS.message],
    ])(
      'Given an oversized body for %s, Then 413 and nothing is appended',
      async (_n, path, limit) => {
        await refusedWith(
          {
            method: 'POST',
            path: path === '__messages__' ? messages() : path,
            headers: { ...bearer(), ...json },
            body: JSON.stringify({ text: 'x'.repeat(limit) }),
          },
          413,
          'body',
        );
        await expectOnlyAcceptedReplies();
      },
    );

    it.each([
      ['a NUL', 'hello\u0000world'],
      ['a lone surrogate', 'hello \uD83D world'],
      ['only white space', ' \n\t  '],
      ['only invisible characters', '\u200B\u3164\uFEFF'],
    ])('Given a reply with %s, Then 400 naming text and nothing is appended', async (_n, text) => {
      await refusedWith(
        {
          method: 'POST',
          path: messages(),
          headers: { ...bearer(), ...json },
          body: JSON.stringify({ text }),
        },
        400,
        'text',
      );
      await expectOnlyAcceptedReplies();
    });

    it.each([
      ['a cursor that is not base64url', '/api/chats?cursor=%25%00!!', 'cursor'],
      [
        'a cursor of the wrong shape',
        `/api/chats?cursor=${Buffer.from('{"$gt":""}').toString('base64url')}`,
        'cursor',
      ],
      ['limit=1e9', '/api/chats?limit=1e9', 'limit'],
      ['limit=1e9 on the timeline', '__timeline__?limit=1e9', 'limit'],
      ['a seq cursor that is not one', '__timeline__?before=1%20OR%201=1', 'before'],
    ])('Given a read with %s, Then 400 naming the field', async (_n, path, field) => {
      await refusedWith(
        {
          method: 'GET',
          path: path.replace(
            '__timeline__',
            `/api/chats/${encodeURIComponent(ctx.conversationId)}/timeline`,
          ),
          headers: bearer(),
        },
        400,
        field,
      );
    });

    it('Then every response carries the security headers and no X-Powered-By', async () => {
      for (const path of ['/', '/health/live', '/api/me']) {
        const res = await fetch(`${parley.baseUrl}${path}`);
        expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('x-powered-by')).toBeNull();
        expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
      }
      // The status page alone keeps its inline styles; it has no script.
      const status = await fetch(`${parley.baseUrl}/health/status`);
      expect(status.headers.get('content-security-policy')).toContain(
        "style-src 'self' 'unsafe-inline'",
      );
      expect(status.headers.get('content-security-policy')).toContain("script-src 'self'");
    });
  });
});
