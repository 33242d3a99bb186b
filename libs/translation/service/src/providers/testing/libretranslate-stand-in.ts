import { StandInServer, type ReceivedRequest, type StandInAnswer } from './stand-in-server';
import {
  standInDetectedLanguage,
  standInTranslation,
  type StandInFailure,
  type TranslationStandIn,
} from './stand-in-translations';

const ltError = (status: number, error: string): StandInAnswer => ({ status, json: { error } });

/** LibreTranslate's documented answer for each failure the contract plays. */
const LIBRETRANSLATE_FAILURES: Record<Exclude<StandInFailure, 'hang'>, StandInAnswer> = {
  daily_quota: ltError(429, 'Too many request limits violations'),
  rate_limit: ltError(429, 'Slowdown: too many requests'),
  invalid_credentials: ltError(403, 'Invalid API key'),
  unsupported_language: ltError(400, 'xx is not supported'),
  bad_request: ltError(400, 'Invalid request: request (6000) exceeds text limit (5000)'),
  server_error: ltError(500, 'Cannot translate text: model failed to load'),
};

/**
 * A stand-in of a LibreTranslate server (`POST /translate`, JSON `q` array, `source` `auto` or a
 * code, `target`, `format`, `api_key`): answers `translatedText` as an array, with
 * `detectedLanguage` per text (`{confidence, language}`) when the source was `auto`.
 */
export class LibreTranslateStandIn implements TranslationStandIn {
  private readonly queued: StandInAnswer[] = [];
  /** Known translations by target and text (`learn`), used before the `[xx] text` rule. */
  private readonly phrasebook = new Map<string, string>();

  private constructor(
    readonly server: StandInServer,
    private readonly apiKey: string | null,
  ) {}

  /** With an `apiKey`, it plays a server started with `--api-keys`: other keys get 403. */
  static async start(apiKey: string | null): Promise<LibreTranslateStandIn> {
    // The server answers through the stand-in, which needs the started server.
    const ref: { standIn?: LibreTranslateStandIn } = {};
    const server = await StandInServer.start((request) => ref.standIn!.answer(request));
    ref.standIn = new LibreTranslateStandIn(server, apiKey);
    return ref.standIn;
  }

  get url(): string {
    return this.server.url;
  }

  translateRequests(): { texts: string[]; source: string | null; target: string }[] {
    return this.server.received
      .filter((r) => r.path === '/translate')
      .map((r) => {
        const body = r.body as { q: string[]; source: string; target: string };
        return {
          texts: body.q,
          source: body.source === 'auto' ? null : body.source,
          target: body.target,
        };
      });
  }

  failNext(failure: StandInFailure): void {
    this.queued.push(failure === 'hang' ? { hang: true } : LIBRETRANSLATE_FAILURES[failure]);
  }

  /**
   * From now on `text` into `target` is `translation`, as a real engine would put it: for a
   * screenshot or a demo that reads like a conversation rather than `[xx] text`.
   */
  learn(target: string, text: string, translation: string): void {
    this.phrasebook.set(`${target}\u0000${text}`, translation);
  }

  /** The next request gets this answer as is. */
  answerNext(answer: StandInAnswer): void {
    this.queued.push(answer);
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private answer(request: ReceivedRequest): StandInAnswer {
    if (request.method !== 'POST' || request.path !== '/translate') {
      return ltError(404, 'Not Found');
    }
    const body = request.body as Record<string, unknown> | undefined;
    if (this.apiKey !== null && body?.['api_key'] !== this.apiKey) {
      return LIBRETRANSLATE_FAILURES.invalid_credentials;
    }
    const queued = this.queued.shift();
    if (queued) return queued;
    const q = body?.['q'];
    const target = body?.['target'];
    const source = body?.['source'];
    if (q === undefined) return ltError(400, 'Invalid request: missing q parameter');
    if (typeof target !== 'string')
      return ltError(400, 'Invalid request: missing target parameter');
    const texts = Array.isArray(q) ? (q as string[]) : [String(q)];
    const auto = source === 'auto' || source === undefined;
    const translatedText = texts.map(
      (text) => this.phrasebook.get(`${target}\u0000${text}`) ?? standInTranslation(text, target),
    );
    const detectedLanguage = texts.map((text) => ({
      confidence: 90,
      language: standInDetectedLanguage(text),
    }));
    return {
      status: 200,
      json: Array.isArray(q)
        ? { translatedText, ...(auto ? { detectedLanguage } : {}) }
        : {
            translatedText: translatedText[0],
            ...(auto ? { detectedLanguage: detectedLanguage[0] } : {}),
          },
    };
  }
}
