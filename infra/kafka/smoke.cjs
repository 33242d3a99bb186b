// Smoke test of kafkajs (the client the services use) against the local broker:
// create a topic, produce one keyed message, consume it through a consumer group,
// delete the topic. Usage: node infra/kafka/smoke.cjs   (KAFKA_PORT, default 19092)
'use strict';
const { Kafka, logLevel, Partitioners } = require('kafkajs');

const port = process.env.KAFKA_PORT || '19092';
const t0 = Date.now();
const kafka = new Kafka({
  clientId: 'parley-smoke',
  brokers: [`127.0.0.1:${port}`],
  logLevel: logLevel.WARN,
});
const topic = `parley.smoke.${t0}`;
const groupId = `parley-smoke-${t0}`;

async function main() {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [{ topic, numPartitions: 3, replicationFactor: 1 }],
    waitForLeaders: true,
  });
  console.log(`created ${topic}`);

  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const [sent] = await producer.send({
    topic,
    messages: [{ key: 'conv-1', value: 'hello parley' }],
  });
  console.log(`produced to partition ${sent.partition} offset ${sent.baseOffset}`);

  const consumer = kafka.consumer({ groupId });
  consumer.on(consumer.events.GROUP_JOIN, (e) =>
    console.log(`joined group ${e.payload.groupId} after ${Date.now() - t0} ms`),
  );
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const got = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no message within 30 s')), 30000);
    consumer
      .run({
        eachMessage: async ({ partition, message }) => {
          clearTimeout(timer);
          resolve({ partition, key: message.key.toString(), value: message.value.toString() });
        },
      })
      .catch(reject);
  });
  console.log(`consumed ${JSON.stringify(got)}`);

  await consumer.disconnect();
  await producer.disconnect();
  await admin.deleteTopics({ topics: [topic] });
  await admin.deleteGroups([groupId]).catch(() => {});
  await admin.disconnect();
  console.log(`kafka smoke: OK in ${Date.now() - t0} ms`);
}

main().catch((e) => {
  console.error('kafka smoke: FAILED', e);
  process.exit(1);
});
