import 'reflect-metadata';
import {
  formatDeadLetterRef,
  KafkaDeadLetters,
  parseDeadLetterRef,
  type DeadLetter,
} from '@parley/bus';
import { EVENT_HEADERS } from '@parley/contracts';

/**
 * `npm run dlq`: the dead letters of the Kafka cluster at KAFKA_BROKERS (default
 * 127.0.0.1:19092), one block each, with the reference that replays it.
 * `npm run dlq -- replay <ref> [<ref>...]` sends chosen letters back to the topic they came
 * from, after the cause is fixed. `npm run dlq -- count` prints the number only.
 */
const USAGE =
  'usage: npm run dlq [-- list | count | replay <topic>.dead-letter:<partition>:<offset>...]';

const shorten = (text: string, max = 300): string =>
  text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;

const describe = (letter: DeadLetter): string =>
  [
    formatDeadLetterRef(letter.ref),
    `  from      ${letter.originalTopic}, key ${letter.key}, group ${letter.groupId}, ${letter.attempts} attempts`,
    `  event     ${letter.headers[EVENT_HEADERS.eventType] ?? '-'} ${letter.headers[EVENT_HEADERS.eventId] ?? ''}`.trimEnd(),
    `  error     ${letter.error}`,
    `  value     ${shorten(letter.value)}`,
  ].join('\n');

const main = async (args: readonly string[]): Promise<number> => {
  const [command = 'list', ...refs] = args;
  const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:19092').split(',');
  const letters = new KafkaDeadLetters({ brokers, clientId: 'parley-dlq-tool' });
  try {
    switch (command) {
      case 'count':
        process.stdout.write(`${await letters.count()}\n`);
        return 0;
      case 'list': {
        const all = await letters.list();
        for (const letter of all) process.stdout.write(`${describe(letter)}\n\n`);
        process.stdout.write(
          `${all.length} dead letter(s) in ${(await letters.topics()).length} dead-letter topic(s) at ${brokers.join(',')}\n`,
        );
        return 0;
      }
      case 'replay': {
        if (refs.length === 0) throw new Error(USAGE);
        const parsed = refs.map(parseDeadLetterRef); // all checked before any is sent
        for (const ref of parsed) {
          const letter = await letters.replay(ref);
          process.stdout.write(`replayed ${formatDeadLetterRef(ref)} to ${letter.originalTopic}\n`);
        }
        return 0;
      }
      default:
        throw new Error(USAGE);
    }
  } finally {
    await letters.close();
  }
};

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`dlq: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
