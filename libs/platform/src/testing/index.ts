export * from './engines-for-tests';
export * from './service-harness';
