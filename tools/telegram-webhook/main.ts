import 'reflect-metadata';
import { setTelegramWebhook, WebhookSetupFailed } from './set-webhook';

/**
 * `npm run telegram:webhook [-- <public base URL>]`: point the bot of TELEGRAM_BOT_TOKEN at
 * `<base>/channels/telegram/webhook` (base: the argument, else PARLEY_PUBLIC_URL) with
 * TELEGRAM_WEBHOOK_SECRET and the update kinds the channel reads, and print what Telegram
 * answered. Exit code 1 when a setting is missing or Telegram refuses. Never prints the token.
 */
const main = async (args: readonly string[]): Promise<void> => {
  const info = await setTelegramWebhook(process.env, args[0]);
  process.stdout.write(
    [
      `Telegram: webhook set`,
      `  url               ${info.url}`,
      `  allowed updates   ${info.allowedUpdates.join(', ')}`,
      `  pending updates   ${info.pendingUpdateCount}`,
      ...(info.lastErrorMessage ? [`  last error        ${info.lastErrorMessage}`] : []),
    ].join('\n') + '\n',
  );
};

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    const token = process.env['TELEGRAM_BOT_TOKEN'] ?? '';
    const message = error instanceof Error ? error.message : String(error);
    const shown = token === '' ? message : message.split(token).join('<token>');
    process.stderr.write(
      `telegram:webhook: ${error instanceof WebhookSetupFailed ? '' : 'unexpected: '}${shown}\n`,
    );
    process.exit(1);
  },
);
