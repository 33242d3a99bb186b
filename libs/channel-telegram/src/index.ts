export * from './telegram-channel.config';
export * from './telegram-channel.module';
export { TELEGRAM_BOT, TELEGRAM_CHANNEL_CONFIG, botInfoFromConfig } from './bot/telegram-bot';
export { TELEGRAM_ALLOWED_UPDATES } from './polling/allowed-updates';
export { TELEGRAM_WEBHOOK_PATH } from './webhook/telegram-webhook.controller';
export { SECRET_TOKEN_HEADER, secretTokenMatches } from './webhook/secret-token';
export { CHANNEL_TELEGRAM_CONSUMER } from './outbound/outbound-messages.controller';
export { inboundEventId } from './inbound/inbound-channel-events';
export { deliveryEventId } from './outbound/outbound-channel-events';
