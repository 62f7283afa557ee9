import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, type Logger } from '@ioc-graph/platform';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** How many operations a caller may still run, as the `RateLimit-*` headers say it. */
export interface RateLimitDecision {
  allowed: boolean;
  /** Operations per window. */
  limit: number;
  remaining: number;
  /** Seconds until the window ends and the budget is whole again; on a refusal, what `Retry-After` says. */
  resetSeconds: number;
}

/** Counts callers' operations, HTTP requests and WebSocket `subscribe` messages alike. */
export interface CallerRateLimiter {
  /** False when the limit is off (`RATE_LIMIT_PER_MINUTE=0`): `take` allows everything. */
  readonly enabled: boolean;
  /** Counts one operation for `key`. When the shared store fails, counts in memory rather than throwing. */
  take(key: string): Promise<RateLimitDecision>;
  /** Closes the Redis connection, if any. */
  close(): Promise<void>;
}

export interface RateLimitOptions {
  /** Operations per caller and window; 0 turns the limit off. */
  points: number;
  /** @default 60 */
  windowSeconds?: number;
  /**
   * Redis shared by every gateway instance. Unset: each process counts in its own memory. When Redis
   * does not answer, each process counts in memory (rate-limiter-flexible's insurance limiter) and
   * logs a warning, rather than letting every request through or failing it.
   */
  redisUrl?: string;
  /** Prefix of the Redis keys, so that deployments (or test runs) sharing a Redis do not share counts. @default 'ioc-graph:rate' */
  keyPrefix?: string;
  logger: Logger;
}

/** Response headers of the IETF draft "RateLimit header fields for HTTP", plus `Retry-After` on a refusal. */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  return {
    'ratelimit-limit': String(decision.limit),
    'ratelimit-remaining': String(decision.remaining),
    'ratelimit-reset': String(decision.resetSeconds),
    ...(decision.allowed ? {} : { 'retry-after': String(decision.resetSeconds) }),
  };
}

/**
 * Sets `Retry-After` on an answer carrying a `RATE_LIMITED` error from a subgraph (the citizen-report
 * limit, say), from the error's `retryAfterSeconds`.
 */
export function retryAfterPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const limited = response.body.singleResult.errors?.find((error) => error.extensions?.code === ErrorCode.RATE_LIMITED);
          const seconds = Number(limited?.extensions?.retryAfterSeconds);
          if (Number.isInteger(seconds) && seconds > 0) response.http.headers.set('retry-after', String(seconds));
        },
      };
    },
  };
}

/** The insurance limiter, which says (at most once a minute) that limits are no longer shared. */
class InsuranceLimiter extends RateLimiterMemory {
  constructor(
    options: { points: number; duration: number; keyPrefix?: string },
    private readonly warn: () => void,
  ) {
    super(options);
  }

  override consume(key: string | number, points?: number, options?: Record<string, unknown>) {
    this.warn();
    return super.consume(key, points, options);
  }
}

/** A connection to the Redis that gateways share their counts in, and the warning said when it fails. */
export interface LimiterRedis {
  client: Redis;
  /** Says (at most once a minute) that counts are no longer shared. */
  warn(error?: unknown): void;
}

/**
 * Connects to the shared Redis for counting. No offline queue and one retry: a request waits for no
 * reconnection, it falls back to memory. Waits at most 2 s for Redis; until it answers, counts are kept in memory.
 */
export async function connectLimiterRedis(redisUrl: string, logger: Logger): Promise<LimiterRedis> {
  let warnedAt = -Infinity;
  const warn = (error?: unknown) => {
    if (Date.now() - warnedAt < 60_000) return;
    warnedAt = Date.now();
    logger.warn({ err: error }, 'Redis does not answer: rate limits are counted in this gateway’s memory, not shared');
  };
  const client = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1_000 });
  client.on('error', warn);
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 2_000);
    const done = () => (clearTimeout(timer), resolve());
    client.once('ready', done);
    client.once('error', done);
  });
  return { client, warn };
}

/**
 * A fixed window of `points` per key and `duration` seconds (rate-limiter-flexible): in Redis when one is
 * given (every gateway instance counts together; when it does not answer, in memory with a warning), else in
 * this process's memory.
 */
export function fixedWindowLimiter(points: number, duration: number, keyPrefix: string, redis?: LimiterRedis): RateLimiterAbstract {
  if (!redis) return new RateLimiterMemory({ points, duration, keyPrefix });
  return new RateLimiterRedis({
    storeClient: redis.client,
    keyPrefix,
    points,
    duration,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new InsuranceLimiter({ points, duration, keyPrefix }, redis.warn),
  });
}

/** Counts one point for `key`: whether it was allowed, and what the window has left. */
export async function consumeOne(limiter: RateLimiterAbstract, key: string): Promise<RateLimitDecision> {
  const decision = (allowed: boolean, res: RateLimiterRes): RateLimitDecision => ({
    allowed,
    limit: limiter.points,
    remaining: res.remainingPoints,
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  });
  try {
    return decision(true, await limiter.consume(key));
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return decision(false, refusal);
    throw refusal;
  }
}

/**
 * A fixed window of `points` operations per caller (rate-limiter-flexible), in Redis when `redisUrl` is
 * set (every gateway instance counts together), else in this process's memory. Waits at most 2 s for
 * Redis at start; until it answers, counts in memory.
 */
export async function createRateLimiter(options: RateLimitOptions): Promise<CallerRateLimiter> {
  const { points, logger } = options;
  const duration = options.windowSeconds ?? 60;
  if (points <= 0) {
    return { enabled: false, take: async () => ({ allowed: true, limit: 0, remaining: 0, resetSeconds: 0 }), close: async () => undefined };
  }
  const redis = options.redisUrl ? await connectLimiterRedis(options.redisUrl, logger) : undefined;
  const limiter = fixedWindowLimiter(points, duration, options.keyPrefix ?? 'ioc-graph:rate', redis);
  return {
    enabled: true,
    take: (key) => consumeOne(limiter, key),
    async close() {
      await redis?.client.quit().catch(() => redis.client.disconnect());
    },
  };
}
