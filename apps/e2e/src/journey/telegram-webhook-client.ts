/** Posts Telegram updates to the channel's webhook as Telegram would. */
export class TelegramWebhookClient {
  constructor(
    private readonly webhookUrl: string,
    private readonly secret: string,
  ) {}

  post(update: unknown, secret: string | null = this.secret): Promise<Response> {
    return fetch(this.webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(secret !== null && { 'x-telegram-bot-api-secret-token': secret }),
      },
      body: JSON.stringify(update),
    });
  }
}
