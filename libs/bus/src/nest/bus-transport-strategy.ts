import { type CustomTransportStrategy, Server } from '@nestjs/microservices';
import { EVENT_HEADERS } from '@parley/contracts';
import { lastValueFrom } from 'rxjs';
import type { Bus, BusSubscription, DeliveredMessage } from '../bus.port';
import { BusContext } from './bus-context';
import { type EventRoute, eventRoute } from './event-pattern-routes';

export interface BusTransportOptions {
  readonly bus: Bus;
  /** The consumer group of the service's handlers (and the prefix of their own groups). */
  readonly serviceName: string;
  /** Where a group that has no position yet starts. Default true: a new service sees history. */
  readonly fromBeginning?: boolean;
  readonly maxAttempts?: number;
  readonly retryBackoffMs?: number;
}

type NestHandler = Parameters<Server['addHandler']>[1];

interface RoutedHandler {
  readonly route: EventRoute;
  readonly pattern: string;
  readonly handler: NestHandler;
}

/** The bus has nothing to report through Nest's `on()` events. */
type BusTransportEvents = Record<string, never>;

/**
 * Plugs the bus under NestJS `@EventPattern` handlers (docs/architecture.md, Events), so the same
 * handlers run on Kafka or in process. Handlers of one topic and group share one subscription;
 * a handler's error propagates to the bus, which retries and then dead-letters the message.
 */
export class BusTransportStrategy
  extends Server<BusTransportEvents>
  implements CustomTransportStrategy
{
  private subscriptions: BusSubscription[] = [];

  constructor(private readonly options: BusTransportOptions) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      for (const [subscription, handlers] of this.plan()) {
        const { topic, groupId } = handlers[0]!.route;
        this.logger.log(`subscribing ${subscription} (${handlers.length} handler(s))`);
        this.subscriptions.push(
          await this.options.bus.subscribe({
            groupId,
            topics: [topic],
            fromBeginning: this.options.fromBeginning ?? true,
            maxAttempts: this.options.maxAttempts,
            retryBackoffMs: this.options.retryBackoffMs,
            handler: (message) => this.dispatch(handlers, message),
          }),
        );
      }
      callback();
    } catch (error) {
      await this.close();
      callback(error);
    }
  }

  async close(): Promise<void> {
    const subscriptions = this.subscriptions;
    this.subscriptions = [];
    await Promise.all(subscriptions.map((s) => s.close()));
  }

  /** Nest 11: the bus emits no transport events of its own; registering a listener is a no-op. */
  on(): void {
    return undefined;
  }

  /** Nest 11: the underlying "server" is the bus. */
  unwrap<T>(): T {
    return this.options.bus as T;
  }

  /** Handlers grouped by subscription (topic + group), in registration order. */
  private plan(): Map<string, RoutedHandler[]> {
    const plan = new Map<string, RoutedHandler[]>();
    for (const [pattern, head] of this.messageHandlers) {
      // Nest chains the handlers of one pattern through `next` and runs the chain from its
      // head; each may have its own extras (its own consumer), so they are unchained and
      // routed one by one.
      for (let handler: NestHandler | undefined = head; handler;) {
        const next: NestHandler | undefined = handler.next;
        handler.next = undefined;
        if (!handler.isEventHandler) {
          throw new Error(
            `@MessagePattern(${pattern}): the bus carries events and one-way commands only ` +
              `(docs/style.md 10); use @EventPattern`,
          );
        }
        const route = eventRoute(pattern, handler.extras, this.options.serviceName);
        const key = `${route.topic} as ${route.groupId}`;
        plan.set(key, [...(plan.get(key) ?? []), { route, pattern, handler }]);
        handler = next;
      }
    }
    return plan;
  }

  private async dispatch(handlers: readonly RoutedHandler[], message: DeliveredMessage) {
    const eventType = message.headers[EVENT_HEADERS.eventType];
    const matching = handlers.filter(
      (h) => h.route.eventType === undefined || h.route.eventType === eventType,
    );
    for (const { handler } of matching) {
      const context = new BusContext(message);
      const result: unknown = await handler(message.value, context);
      try {
        await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
      } catch (error) {
        throw asError(error);
      }
    }
  }
}

/** Nest's RPC exception filter turns errors into `{ status, message }`: make them Errors again. */
const asError = (error: unknown): unknown => {
  if (error instanceof Error || typeof error !== 'object' || error === null) return error;
  const message = (error as { message?: unknown }).message;
  return Object.assign(new Error(typeof message === 'string' ? message : JSON.stringify(error)), {
    cause: error,
  });
};
