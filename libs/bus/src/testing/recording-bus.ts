import type { Bus, SubscribeOptions } from '../bus.port';

/** A real bus that also notes each subscribe call, to see how a client used it (tests only). */
export const recordingBus = (bus: Bus): Bus & { readonly subscribed: SubscribeOptions[] } => {
  const subscribed: SubscribeOptions[] = [];
  return {
    subscribed,
    publish: (messages) => bus.publish(messages),
    subscribe: (options) => {
      subscribed.push(options);
      return bus.subscribe(options);
    },
    close: () => bus.close(),
  };
};
