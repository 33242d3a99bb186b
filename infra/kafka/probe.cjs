// Readiness probe used by kafka.sh: exits 0 when the broker at 127.0.0.1:<port>
// answers a Metadata request through kafkajs (the client the services use),
// 1 when it does not, 3 when kafkajs is not installed (run `npm ci` first).
// Usage: node infra/kafka/probe.cjs <port> [warm]
// With "warm", it also asks for a group coordinator (retrying), which makes the
// broker create __consumer_offsets now rather than during the first test's
// consumer join (where kafkajs would log "group coordinator is not available").
'use strict';

let Kafka, logLevel;
try {
  ({ Kafka, logLevel } = require('kafkajs'));
} catch {
  process.exit(3);
}

const port = process.argv[2] || process.env.KAFKA_PORT || '19092';
const warm = process.argv[3] === 'warm';
const kafka = new Kafka({
  clientId: 'parley-kafka-probe',
  brokers: [`127.0.0.1:${port}`],
  logLevel: logLevel.NOTHING,
  connectionTimeout: 1000,
  requestTimeout: 2000,
  retry: warm ? { retries: 8, initialRetryTime: 200 } : { retries: 0 },
});
const admin = kafka.admin();

(async () => {
  await admin.connect();
  await admin.listTopics(); // a Metadata request
  if (warm) await admin.describeGroups(['parley-kafka-probe']); // FindCoordinator
  await admin.disconnect();
})().then(
  () => process.exit(0),
  () => process.exit(1),
);
// Never hang the caller.
setTimeout(() => process.exit(1), warm ? 20000 : 5000).unref();
