import { connect } from 'node:net';

/** Whether `host:port` accepts a TCP connection within `timeoutMs`. */
const accepts = (address: string, timeoutMs: number): Promise<boolean> =>
  new Promise((resolve) => {
    const at = address.lastIndexOf(':');
    const socket = connect({ host: address.slice(0, at), port: Number(address.slice(at + 1)) });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });

/**
 * Whether any of the brokers (`host:port`) accepts a connection now: a quick answer to "is Kafka
 * down?", where a Kafka client would retry for many seconds before it gives up.
 */
export const anyBrokerAcceptsConnections = async (
  brokers: readonly string[],
  timeoutMs = 1_000,
): Promise<boolean> =>
  (await Promise.all(brokers.map((b) => accepts(b, timeoutMs)))).some((ok) => ok);
