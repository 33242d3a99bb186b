import { Controller, type INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  DEAD_LETTER_HEADERS,
  EVENT_HEADERS,
  deadLetterTopic,
  eventsTopic,
} from '@parley/contracts';
import { waitUntil } from '@parley/test-infra';
import type { Bus, DeliveredMessage } from '../bus.port';
import { BusContext } from '../nest/bus-context';
import { BusTransportStrategy } from '../nest/bus-transport-strategy';
import { BusErrorsFilter } from '../nest/bus-errors.filter';
import { MessageRecorder } from './message-recorder';
import { recordingBus } from './recording-bus';
import { uniqueName } from './unique-names';

interface Seen {
  readonly handler: string;
  readonly data: unknown;
  readonly message: DeliveredMessage;
}

/** A Nest app with handlers on a context and a topic of its own, so runs never collide. */
const buildApp = (context: string, commandsTopicName: string, seen: Seen[]) => {
  const Context = context.charAt(0).toUpperCase() + context.slice(1);
  const note = (handler: string, data: unknown, ctx: BusContext) =>
    seen.push({ handler, data, message: ctx.getMessage() });

  @Controller()
  class ConversationHandlers {
    @EventPattern(`${Context}.MessageReceived`)
    async received(@Payload() data: unknown, @Ctx() ctx: BusContext) {
      note('received', data, ctx);
    }

    @EventPattern(`${Context}.MessageRead`)
    async read(@Payload() data: unknown, @Ctx() ctx: BusContext) {
      note('read', data, ctx);
    }

    @EventPattern(`${Context}.MessageReceived`, { consumer: 'audit' })
    async audit(@Payload() data: unknown, @Ctx() ctx: BusContext) {
      note('audit', data, ctx);
    }

    @EventPattern({ topic: commandsTopicName })
    async command(@Payload() data: { fail?: boolean }, @Ctx() ctx: BusContext) {
      note('command', data, ctx);
      if (data.fail) throw new Error(`command refused on attempt ${ctx.getMessage().attempt}`);
    }
  }

  @Module({ controllers: [ConversationHandlers] })
  class AppModule {}

  return { AppModule, Context };
};

/** BusTransportStrategy under a real Nest microservice, on the bus `factory` makes. */
export const describeBusTransportStrategy = (
  name: string,
  factory: () => Bus | Promise<Bus>,
): void => {
  describe(`BusTransportStrategy on ${name}`, () => {
    let bus: ReturnType<typeof recordingBus>;
    let app: INestMicroservice | undefined;
    const seen: Seen[] = [];
    const context = uniqueName('ctx').replace(/[^a-z0-9]/g, '');
    const topic = uniqueName('contract.nest.commands');
    const serviceName = uniqueName('svc');
    const { AppModule, Context } = buildApp(context, topic, seen);
    const deadLetters = new MessageRecorder();

    beforeAll(async () => {
      bus = recordingBus(await factory());
      await bus.subscribe({
        groupId: uniqueName('dead-letter-reader'),
        topics: [deadLetterTopic(topic)],
        fromBeginning: true,
        handler: deadLetters.handler,
      });
      const strategy = new BusTransportStrategy({
        bus,
        serviceName,
        maxAttempts: 2,
        retryBackoffMs: 10,
      });
      app = await NestFactory.createMicroservice(AppModule, { strategy, logger: ['error'] });
      app.useGlobalFilters(new BusErrorsFilter());
      await app.listen();
    });
    afterAll(async () => {
      await app?.close();
      await bus?.close();
    });

    it('shares one subscription per topic and group, and gives extras.consumer its own group', () => {
      // Given the app is listening, Then it subscribed once per topic and group
      const subscriptions = bus.subscribed
        .filter((s) => s.groupId.startsWith(serviceName))
        .map((s) => `${s.topics.join(',')} as ${s.groupId}`)
        .sort();
      expect(subscriptions).toEqual(
        [
          `${eventsTopic(context)} as ${serviceName}`,
          `${eventsTopic(context)} as ${serviceName}.audit`,
          `${topic} as ${serviceName}`,
        ].sort(),
      );
    });

    it('routes events to the handlers of their type', async () => {
      // When two events of different types are published on the context's topic
      const event = (type: string, n: number) => ({
        topic: eventsTopic(context),
        key: 'conversation-1',
        value: { n },
        headers: { [EVENT_HEADERS.eventType]: `${Context}.${type}` },
      });
      await bus.publish([event('MessageReceived', 1), event('MessageRead', 2), event('Other', 3)]);

      // Then each goes to the handlers of its type only, the audit consumer included
      await waitUntil('handlers', () => (seen.length >= 3 ? true : undefined));
      await waitUntil('audit', () => (seen.some((s) => s.handler === 'audit') ? true : undefined));
      const byHandler = (h: string) => seen.filter((s) => s.handler === h).map((s) => s.data);
      expect(byHandler('received')).toEqual([{ n: 1 }]);
      expect(byHandler('read')).toEqual([{ n: 2 }]);
      expect(byHandler('audit')).toEqual([{ n: 1 }]);
    });

    it('lets a handler error reach the bus: retried, then dead-lettered with the error', async () => {
      // When a command is published that its handler refuses
      await bus.publish([{ topic, key: 'deal-1', value: { fail: true } }]);

      // Then it was tried twice and the dead letter names the handler's error
      const [dead] = await waitUntil('dead letter', () =>
        deadLetters.count() > 0 ? deadLetters.received : undefined,
      );
      const attempts = seen.filter((s) => s.handler === 'command').map((s) => s.message.attempt);
      expect(attempts).toEqual([1, 2]);
      expect(dead!.headers[DEAD_LETTER_HEADERS.error]).toContain('command refused on attempt 2');
    });

    it('stops delivering after the app is closed', async () => {
      // Given a witness group on the command topic
      const witness = new MessageRecorder();
      const witnessing = await bus.subscribe({
        groupId: uniqueName('witness'),
        topics: [topic],
        fromBeginning: false,
        handler: witness.handler,
      });
      const before = seen.filter((s) => s.handler === 'command').length;

      // When the app is closed and a command is published
      await app!.close();
      app = undefined;
      await bus.publish([{ topic, key: 'deal-2', value: { n: 9 } }]);

      // Then the witness gets it and the app's handler does not
      await waitUntil('witness', () => (witness.count() > 0 ? true : undefined));
      await witnessing.close();
      expect(seen.filter((s) => s.handler === 'command')).toHaveLength(before);
    });
  });
};
