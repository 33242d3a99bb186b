import type { Redis } from 'ioredis';
import type { NewSession, RefreshTokenStore, RotateOutcome } from './refresh-token-store.port';

// Each script runs atomically in Redis, so two gateways rotating one token at once cannot both win.
// Keys: `<prefix>session:<familyId>` a hash {user, current, expires} that expires at the family's
// absolute end; `<prefix>user-sessions:<userId>` the set of a user's family ids, for revokeAllFor.
// The scripts touch family keys named from ARGV (a user's families): fine on one Redis server or
// a replicated one; Redis Cluster would need the keys hash-tagged by user.

const START = `
redis.call('HSET', KEYS[1], 'user', ARGV[1], 'current', ARGV[2], 'expires', ARGV[3])
redis.call('PEXPIREAT', KEYS[1], ARGV[3])
for _, member in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  if redis.call('EXISTS', ARGV[5] .. member) == 0 then redis.call('SREM', KEYS[2], member) end
end
redis.call('SADD', KEYS[2], ARGV[4])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = redis.call('PTTL', KEYS[2])
if ttl < 0 or now + ttl < tonumber(ARGV[3]) then redis.call('PEXPIREAT', KEYS[2], ARGV[3]) end
return 1
`;

const ROTATE = `
local family = redis.call('HMGET', KEYS[1], 'current', 'user', 'expires')
if not family[1] then return {'unknown'} end
if family[1] ~= ARGV[1] then
  redis.call('DEL', KEYS[1])
  return {'reused', family[2]}
end
redis.call('HSET', KEYS[1], 'current', ARGV[2])
return {'rotated', family[2], family[3]}
`;

const REVOKE_ALL = `
for _, member in ipairs(redis.call('SMEMBERS', KEYS[1])) do redis.call('DEL', ARGV[1] .. member) end
redis.call('DEL', KEYS[1])
return 1
`;

/**
 * Session families in Redis, shared by every gateway replica; a family key expires with the
 * session, so Redis itself forgets ended sessions. The client belongs to the caller, who closes it.
 */
export class RedisRefreshTokenStore implements RefreshTokenStore {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix = 'parley:',
  ) {}

  async start(session: NewSession): Promise<void> {
    await this.redis.eval(
      START,
      2,
      this.familyKey(session.familyId),
      this.userKey(session.userId),
      session.userId,
      session.tokenId,
      String(session.expiresAt.getTime()),
      session.familyId,
      this.familyKey(''),
    );
  }

  async rotate(familyId: string, tokenId: string, nextTokenId: string): Promise<RotateOutcome> {
    const reply = (await this.redis.eval(
      ROTATE,
      1,
      this.familyKey(familyId),
      tokenId,
      nextTokenId,
    )) as string[];
    const [kind, userId, expires] = reply;
    if (kind === 'rotated' && userId && expires)
      return { kind, userId, expiresAt: new Date(Number(expires)) };
    if (kind === 'reused' && userId) return { kind, userId };
    return { kind: 'unknown' };
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.redis.del(this.familyKey(familyId));
  }

  async revokeAllFor(userId: string): Promise<void> {
    await this.redis.eval(REVOKE_ALL, 1, this.userKey(userId), this.familyKey(''));
  }

  /** The Redis client is the caller's: nothing to close here. */
  async close(): Promise<void> {}

  private familyKey(familyId: string): string {
    return `${this.keyPrefix}session:${familyId}`;
  }

  private userKey(userId: string): string {
    return `${this.keyPrefix}user-sessions:${userId}`;
  }
}
