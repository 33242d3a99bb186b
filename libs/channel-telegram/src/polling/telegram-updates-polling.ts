import { Logger } from '@nestjs/common';
import { Api } from 'grammy';
import type { TelegramChannelConfig } from '../telegram-channel.config';
import { TELEGRAM_ALLOWED_UPDATES } from './allowed-updates';

/** How long one getUpdates waits for updates at Telegram (seconds): a long poll. */
export const POLL_TIMEOUT_SECONDS = 25;
/** Wait after a failed getUpdates or a failed store before trying again. */
const RETRY_DELAY_MS = 1000;

/** Stores one update as the webhook does; resolves once what it becomes is stored. */
export type ReceiveUpdate = (update: unknown) => Promise<unknown>;

type GrammySignal = NonNullable<Parameters<Api['getUpdates']>[1]>;

/** The Bot API calls polling makes. */
type PollingApi = Pick<Api, 'deleteWebhook' | 'getUpdates'>;

/**
 * TELEGRAM_MODE=polling: development without a public URL. Deletes the webhook (Telegram
 * refuses getUpdates while one is set; pending updates are kept), then long-polls getUpdates
 * with the kinds the webhook handles and hands each update to `receive`, the webhook's own path
 * (`TelegramInboundUpdates.receive`). The offset moves past an update only once `receive` has
 * stored it, so a failure or a crash reads it again, and the deterministic event id makes that
 * harmless. grammY's runner (@grammyjs/runner) is not installed and `bot.start()` gives no hook
 * between storing an update and confirming it, so this is a small getUpdates loop.
 * One polling process per bot: Telegram answers a second one with 409 Conflict.
 */
export class TelegramUpdatesPolling {
  private readonly logger = new Logger('TelegramUpdatesPolling');
  private readonly abort = new AbortController();
  private loop: Promise<void> | null = null;
  private offset = 0;

  constructor(
    private readonly api: PollingApi,
    private readonly receive: ReceiveUpdate,
    private readonly options: { readonly pollTimeoutSeconds?: number } = {},
  ) {}

  /** A Bot API client whose timeout leaves room for the long poll. */
  static apiFor(config: TelegramChannelConfig): Api {
    return new Api(config.TELEGRAM_BOT_TOKEN, {
      apiRoot: config.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
      timeoutSeconds: POLL_TIMEOUT_SECONDS + config.TELEGRAM_API_TIMEOUT_SECONDS,
    });
  }

  /** Start polling in the background; `stop` ends it. */
  start(): void {
    this.loop ??= this.run();
  }

  /** Abort the waiting getUpdates, let an update being stored finish, and resolve when done. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
  }

  private get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  private async run(): Promise<void> {
    // grammY's Node build types its signal with the abort-controller shim; node-fetch under it
    // takes Node's own AbortSignal, which is what this is.
    const signal = this.abort.signal as unknown as GrammySignal;
    while (!this.stopped) {
      try {
        await this.api.deleteWebhook({ drop_pending_updates: false }, signal);
        this.logger.log('webhook deleted; polling getUpdates');
        break;
      } catch (error) {
        if (this.stopped) return;
        this.logger.error(`deleteWebhook failed, retrying: ${describe(error)}`);
        await this.pause();
      }
    }
    while (!this.stopped) {
      let updates: readonly { readonly update_id: number }[];
      try {
        updates = await this.api.getUpdates(
          {
            offset: this.offset,
            timeout: this.options.pollTimeoutSeconds ?? POLL_TIMEOUT_SECONDS,
            allowed_updates: TELEGRAM_ALLOWED_UPDATES,
          },
          signal,
        );
      } catch (error) {
        if (this.stopped) return;
        this.logger.error(`getUpdates failed, retrying: ${describe(error)}`);
        await this.pause();
        continue;
      }
      for (const update of updates) {
        if (this.stopped) return;
        try {
          await this.receive(update);
        } catch (error) {
          // Not stored: the offset stays, so the next getUpdates serves this update again.
          this.logger.error(
            `update ${update.update_id} not stored, reading it again: ${describe(error)}`,
          );
          await this.pause();
          break;
        }
        this.offset = Math.max(this.offset, update.update_id + 1);
      }
    }
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(done, RETRY_DELAY_MS);
      this.abort.signal.addEventListener('abort', done, { once: true });
    });
  }
}

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
