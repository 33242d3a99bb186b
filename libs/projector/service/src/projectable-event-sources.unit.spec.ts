import type { DeliveredMessage } from '@parley/bus';
import {
  CLIENT_MESSAGE_RECEIVED_SCHEMA_VERSION,
  ContractViolation,
  EVENT_HEADERS,
  type EventEnvelope,
} from '@parley/contracts';
import {
  conversationHistory,
  PROJECTED_EVENT_TYPES,
  projectEvent,
  ROBOT_RULES_PROJECTED_TYPES,
  TEMPLATE_LIBRARY_PROJECTED_TYPES,
  type StreamEvent,
} from '@parley/projections';
import { fromDeliveredEvent } from './projectable-event-sources';

const started = conversationHistory().started('2026-11-25T10:00:00.000Z');
const delivered = (headers: Record<string, string>): DeliveredMessage => ({
  topic: 'parley.conversation.events',
  key: started.event.metadata.aggregateId,
  value: started.event,
  headers,
  partition: 1,
  offset: '17',
  attempt: 1,
});

describe('events from the bus', () => {
  it('given a relayed message, then its stream, revision and position come from the headers', () => {
    const message = delivered({
      [EVENT_HEADERS.streamName]: started.streamName,
      [EVENT_HEADERS.revision]: '3',
      [EVENT_HEADERS.position]: '1234',
    });
    expect(fromDeliveredEvent(message)).toEqual({
      streamName: started.streamName,
      revision: 3,
      position: '1234',
      event: started.event,
    });
  });

  it('given a message without the relay headers, then it is refused rather than applied out of order', () => {
    expect(() => fromDeliveredEvent(delivered({}))).toThrow(
      /lacks the stream, revision or position headers/,
    );
    expect(() =>
      fromDeliveredEvent(
        delivered({
          [EVENT_HEADERS.streamName]: started.streamName,
          [EVENT_HEADERS.revision]: 'x',
          [EVENT_HEADERS.position]: '1',
        }),
      ),
    ).toThrow(/lacks the stream, revision or position headers/);
  });
});

describe('event payloads from the bus', () => {
  const history = conversationHistory();
  const at = '2026-11-25T10:00:00.000Z';
  const relayed = (event: unknown, topic = 'parley.conversation.events'): DeliveredMessage => ({
    topic,
    key: 'k',
    value: event,
    headers: {
      [EVENT_HEADERS.streamName]: 'conversation-x',
      [EVENT_HEADERS.revision]: '0',
      [EVENT_HEADERS.position]: '1',
    },
    partition: 0,
    offset: '1',
    attempt: 1,
  });
  /** As the services store them: the history's events carry v1, ClientMessageReceived is v2. */
  const asWritten = (e: StreamEvent): EventEnvelope =>
    e.event.type === 'Conversation.ClientMessageReceived'
      ? {
          ...e.event,
          metadata: { ...e.event.metadata, schemaVersion: CLIENT_MESSAGE_RECEIVED_SCHEMA_VERSION },
        }
      : e.event;
  const everyProjectedEvent = [
    history.started(at),
    history.clientMessage('c1', 'Hi', at, { clientOrder: 7, placedAt: at }),
    history.clientUnsupportedMessage('c2', 'photo', null, at),
    history.managerMessage('m1', 'Hello', at),
    history.delivered('m1', at),
    history.deliveryFailed('m1', at),
    history.markedRead(at),
    history.contactCreated(at),
    history.dealCreated(at),
  ].map(asWritten);

  it.each(everyProjectedEvent.map((e) => [e.type, e] as const))(
    'given a %s as its service writes it, then it is read unchanged',
    (_type, event) => {
      expect(fromDeliveredEvent(relayed(event)).event).toEqual(event);
    },
  );

  it('given a v1 ClientMessageReceived, then it is read as v2, ordered by its Telegram id', () => {
    const v1 = history.clientMessageV1('c1', 'Hi', at, 7).event;
    const read = fromDeliveredEvent(relayed(v1)).event;
    expect(read.metadata.schemaVersion).toBe(CLIENT_MESSAGE_RECEIVED_SCHEMA_VERSION);
    expect(read.data).toEqual({ ...v1.data, clientOrder: 7, placedAt: at });
  });

  it('given a projected event with a bad payload, then a ContractViolation names the field', () => {
    const dealCreated = history.dealCreated(at).event;
    const bad = { ...dealCreated, data: { ...dealCreated.data, line: 'one' } };
    expect(() => fromDeliveredEvent(relayed(bad, 'parley.crm.events'))).toThrow(ContractViolation);
    expect(() => fromDeliveredEvent(relayed(bad, 'parley.crm.events'))).toThrow(/line/);
  });

  it.each([
    ...PROJECTED_EVENT_TYPES,
    ...TEMPLATE_LIBRARY_PROJECTED_TYPES,
    ...ROBOT_RULES_PROJECTED_TYPES,
  ])(
    'given a %s with an empty payload, then it is refused: every type a read model shows is validated',
    (type) => {
      const event = { ...history.started(at).event, type, data: {} };
      expect(() => fromDeliveredEvent(relayed(event))).toThrow(ContractViolation);
    },
  );

  it('given a type no read model shows, then it passes on unvalidated and the projector ignores it', () => {
    const event = {
      ...history.started(at).event,
      type: 'Conversation.Closed',
      data: { anything: 1 },
    };
    const source = fromDeliveredEvent(relayed(event));
    expect(source.event).toEqual(event);
    expect(projectEvent(source)).toBeNull();
  });

  it('given a value that is not an event envelope, then a ContractViolation', () => {
    expect(() => fromDeliveredEvent(relayed({ type: 'Conversation.Started' }))).toThrow(
      ContractViolation,
    );
    expect(() => fromDeliveredEvent(relayed('hello'))).toThrow(ContractViolation);
  });
});
