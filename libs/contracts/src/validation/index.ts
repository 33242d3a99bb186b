export * from './contract-violation';
export * from './validate';
export * from './envelope.dto';
export * from './envelope-validation';
