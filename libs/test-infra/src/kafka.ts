/** Brokers of the local real Kafka (`npm run infra:up`): KAFKA_BROKERS, else 127.0.0.1:19092. */
export const testKafkaBrokers = (): string[] =>
  (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:19092').split(',').map((b) => b.trim());
