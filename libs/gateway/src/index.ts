export * from './gateway.config';
export * from './gateway-service.module';
export * from './configure-gateway';
export { LIVE_PATH, CLOSE_UNAUTHORIZED } from './live/live-push';
export { REFRESH_COOKIE } from './auth/refresh-cookie';
export { NOT_BUILT_PAGE } from './web-app/serve-web-app';
export { hashPassword, encodePasswordHash } from './users/password-hash';
/** The chat list's reads, for the scale benchmark (bench/workspace-at-scale.bench.ts). */
export { ChatQueries } from './chats/chat-queries';
export type { ChatListQuery } from './chats/query-params.dto';
