export * from './bus.contract';
export * from './message-recorder';
export * from './unique-names';
export * from './kafka-reachability';
export * from './bus-transport.contract';
export * from './recording-bus';
export * from './kafka-test-suite';
