import { DEAD_LETTER_HEADERS, deadLetterTopic } from '@parley/contracts';
import { waitUntil } from '@parley/test-infra';
import type { Bus, BusSubscription, OutgoingMessage, SubscribeOptions } from '../bus.port';
import { MessageRecorder } from './message-recorder';
import { uniqueName } from './unique-names';

type Seq = { readonly key: string; readonly seq: number };

/**
 * The bus port's contract (docs/style.md 15), run against every adapter that can be reached.
 * `factory` makes one bus for the whole suite; every test uses its own topics and groups.
 */
export const describeBusContract = (name: string, factory: () => Bus | Promise<Bus>): void => {
  describe(`Bus contract: ${name}`, () => {
    let bus: Bus;
    let subscriptions: BusSubscription[] = [];

    beforeAll(async () => {
      bus = await factory();
    });
    afterEach(async () => {
      await Promise.all(subscriptions.map((s) => s.close()));
      subscriptions = [];
    });
    afterAll(async () => {
      await bus?.close();
    });

    const subscribe = async (
      options: Omit<SubscribeOptions, 'groupId' | 'fromBeginning'> &
        Partial<Pick<SubscribeOptions, 'groupId' | 'fromBeginning'>>,
    ): Promise<BusSubscription> => {
      const subscription = await bus.subscribe({
        groupId: uniqueName('group'),
        fromBeginning: true,
        retryBackoffMs: 10,
        ...options,
      });
      subscriptions.push(subscription);
      return subscription;
    };
    const message = (topic: string, key: string, value: unknown): OutgoingMessage => ({
      topic,
      key,
      value,
    });

    it('delivers a published message with its key, value and headers', async () => {
      // Given a subscription to a topic
      const topic = uniqueName('contract.roundtrip');
      const recorder = new MessageRecorder();
      await subscribe({ topics: [topic], handler: recorder.handler });

      // When a message is published
      await bus.publish([
        {
          topic,
          key: 'conversation-1',
          value: { text: 'hello', nested: { n: 1 }, at: new Date(0) },
          headers: { 'parley-event-type': 'Conversation.MessageReceived' },
        },
      ]);

      // Then it arrives once, as JSON would carry it
      const [got] = await waitUntil('the message', () =>
        recorder.received.length > 0 ? recorder.received : undefined,
      );
      expect(got).toMatchObject({
        topic,
        key: 'conversation-1',
        value: { text: 'hello', nested: { n: 1 }, at: '1970-01-01T00:00:00.000Z' },
        attempt: 1,
      });
      expect(got!.headers['parley-event-type']).toBe('Conversation.MessageReceived');
      expect(typeof got!.partition).toBe('number');
      expect(got!.offset).toMatch(/^\d+$/);
    });

    it('gives every message to each of two groups', async () => {
      // Given two groups subscribed to one topic
      const topic = uniqueName('contract.groups');
      const first = new MessageRecorder();
      const second = new MessageRecorder();
      await subscribe({ topics: [topic], handler: first.handler });
      await subscribe({ topics: [topic], handler: second.handler });

      // When five messages are published
      await bus.publish([1, 2, 3, 4, 5].map((n) => message(topic, `k${n}`, { n })));

      // Then each group gets all five
      await waitUntil('both groups to get all', () =>
        first.count() === 5 && second.count() === 5 ? true : undefined,
      );
      const values = (r: MessageRecorder) =>
        r
          .handledValues()
          .map((v) => (v as { n: number }).n)
          .sort();
      expect(values(first)).toEqual([1, 2, 3, 4, 5]);
      expect(values(second)).toEqual([1, 2, 3, 4, 5]);
    });

    it('splits the work between two consumers of one group', async () => {
      // Given two consumers in one group
      const topic = uniqueName('contract.split');
      const groupId = uniqueName('group');
      const first = new MessageRecorder();
      const second = new MessageRecorder();
      await subscribe({ groupId, topics: [topic], handler: first.handler });
      await subscribe({ groupId, topics: [topic], handler: second.handler });

      // When 60 messages with 60 keys are published
      const keys = Array.from({ length: 60 }, (_, i) => `key-${i}`);
      await bus.publish(keys.map((key) => message(topic, key, { key })));

      // Then each message is handled once across the group, and both consumers worked
      await waitUntil('all messages handled', () =>
        first.count() + second.count() >= 60 ? true : undefined,
      );
      const handled = [...first.received, ...second.received].map((m) => m.key).sort();
      expect(handled).toEqual([...keys].sort());
      expect(first.count()).toBeGreaterThan(0);
      expect(second.count()).toBeGreaterThan(0);
    });

    it('keeps the order of each key over 100 messages', async () => {
      // Given a subscription
      const topic = uniqueName('contract.order');
      const recorder = new MessageRecorder();
      await subscribe({ topics: [topic], handler: recorder.handler });

      // When 100 messages over 5 keys are published in four batches
      const keys = ['a', 'b', 'c', 'd', 'e'];
      const all: OutgoingMessage[] = Array.from({ length: 100 }, (_, i) => {
        const key = keys[i % keys.length]!;
        return message(topic, key, { key, seq: Math.floor(i / keys.length) });
      });
      for (let batch = 0; batch < 4; batch++) {
        await bus.publish(all.slice(batch * 25, batch * 25 + 25));
      }

      // Then each key's messages arrive in the order they were published
      await waitUntil('100 messages', () => (recorder.count() >= 100 ? true : undefined));
      for (const key of keys) {
        const seqs = recorder.received
          .map((m) => m.value as Seq)
          .filter((v) => v.key === key)
          .map((v) => v.seq);
        expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i));
      }
    });

    it('retries a failing handler and delivers on the third attempt', async () => {
      // Given a handler that fails twice
      const topic = uniqueName('contract.retry');
      const recorder = new MessageRecorder((m) => m.attempt < 3);
      await subscribe({ topics: [topic], maxAttempts: 5, handler: recorder.handler });

      // When a message is published
      await bus.publish([message(topic, 'k', { n: 1 })]);

      // Then it is delivered three times, the third succeeding
      await waitUntil('third attempt', () => (recorder.count() >= 3 ? true : undefined));
      expect(recorder.received.map((m) => m.attempt)).toEqual([1, 2, 3]);
      expect(recorder.received.map((m) => m.offset)).toEqual(
        Array(3).fill(recorder.received[0]!.offset),
      );
      expect(recorder.handledValues()).toEqual([{ n: 1 }]);
    });

    it('dead-letters a message that always fails, and later messages still flow', async () => {
      // Given a handler that always fails on poison, and a reader of the dead-letter topic
      const topic = uniqueName('contract.poison');
      const groupId = uniqueName('group');
      const isPoison = (m: { value: unknown }) => (m.value as { poison?: boolean }).poison === true;
      const recorder = new MessageRecorder(isPoison);
      const deadLetters = new MessageRecorder();
      await subscribe({ groupId, topics: [topic], maxAttempts: 3, handler: recorder.handler });
      await subscribe({ topics: [deadLetterTopic(topic)], handler: deadLetters.handler });

      // When a poison message is published, then good ones (one of them with the same key)
      await bus.publish([message(topic, 'bad', { poison: true })]);
      await bus.publish([
        message(topic, 'good-1', { n: 1 }),
        message(topic, 'good-2', { n: 2 }),
        message(topic, 'bad', { n: 3 }),
      ]);

      // Then the poison is tried maxAttempts times and lands on the dead-letter topic with the error
      const [dead] = await waitUntil('the dead letter', () =>
        deadLetters.count() > 0 ? deadLetters.received : undefined,
      );
      expect(recorder.count(isPoison)).toBe(3);
      expect(dead!.key).toBe('bad');
      expect(dead!.value).toEqual({ poison: true });
      expect(dead!.headers[DEAD_LETTER_HEADERS.error]).toContain('refused bad@');
      expect(dead!.headers[DEAD_LETTER_HEADERS.originalTopic]).toBe(topic);
      expect(dead!.headers[DEAD_LETTER_HEADERS.attempts]).toBe('3');
      expect(dead!.headers[DEAD_LETTER_HEADERS.groupId]).toBe(groupId);
      expect(dead!.headers[DEAD_LETTER_HEADERS.partition]).toMatch(/^\d+$/);
      expect(dead!.headers[DEAD_LETTER_HEADERS.offset]).toMatch(/^\d+$/);
      // And the later messages, of other keys and of the same key, are handled
      await waitUntil('the good messages', () =>
        recorder.handledValues().length >= 3 ? true : undefined,
      );
      expect(recorder.handledValues()).toEqual(
        expect.arrayContaining([{ n: 1 }, { n: 2 }, { n: 3 }]),
      );
    });

    it('starts a new group at "now" when fromBeginning is false', async () => {
      // Given a message published before the group existed
      const topic = uniqueName('contract.latest');
      await bus.publish([message(topic, 'same-key', { when: 'before' })]);
      const recorder = new MessageRecorder();

      // When a new group subscribes from now, and a message is published right after
      await subscribe({ topics: [topic], fromBeginning: false, handler: recorder.handler });
      await bus.publish([message(topic, 'same-key', { when: 'after' })]);

      // Then it gets the later message and not the older one (same key: it would come first)
      await waitUntil('the later message', () => (recorder.count() > 0 ? true : undefined));
      expect(recorder.received.map((m) => m.value)).toEqual([{ when: 'after' }]);
    });

    it('gives a new group older messages when fromBeginning is true', async () => {
      // Given messages published before the group existed
      const topic = uniqueName('contract.earliest');
      await bus.publish([message(topic, 'k1', { n: 1 }), message(topic, 'k2', { n: 2 })]);
      const recorder = new MessageRecorder();

      // When a new group subscribes from the beginning
      await subscribe({ topics: [topic], fromBeginning: true, handler: recorder.handler });

      // Then it gets them
      await waitUntil('the older messages', () => (recorder.count() >= 2 ? true : undefined));
      expect(recorder.handledValues()).toEqual(expect.arrayContaining([{ n: 1 }, { n: 2 }]));
    });

    it('stops delivering to a closed subscription', async () => {
      // Given a subscription that got a message, and a witness group on the same topic
      const topic = uniqueName('contract.close');
      const closed = new MessageRecorder();
      const witness = new MessageRecorder();
      const subscription = await subscribe({ topics: [topic], handler: closed.handler });
      await subscribe({ topics: [topic], handler: witness.handler });
      await bus.publish([message(topic, 'k', { n: 1 })]);
      await waitUntil('first message', () => (closed.count() === 1 ? true : undefined));

      // When it is closed and another message is published
      await subscription.close();
      await bus.publish([message(topic, 'k', { n: 2 })]);

      // Then the witness gets it and the closed subscription does not
      await waitUntil('witness', () => (witness.count() >= 2 ? true : undefined));
      expect(closed.received.map((m) => m.value)).toEqual([{ n: 1 }]);
    });

    it('finishes the message in hand before close resolves', async () => {
      // Given a handler that is in the middle of a message
      const topic = uniqueName('contract.graceful');
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const finished: string[] = [];
      let started = false;
      const subscription = await subscribe({
        topics: [topic],
        handler: async (m) => {
          started = true;
          await gate;
          finished.push(m.key);
        },
      });
      await bus.publish([message(topic, 'k', { n: 1 })]);
      await waitUntil('the handler to start', () => (started ? true : undefined));

      // When the subscription is closed
      let closed = false;
      const closing = subscription.close().then(() => (closed = true));
      await new Promise((r) => setTimeout(r, 100));

      // Then close waits for the handler, and resolves once it finished
      expect(closed).toBe(false);
      release();
      await closing;
      expect(finished).toEqual(['k']);
    });
  });
};
