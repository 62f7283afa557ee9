import { addLocalDays, localDate, startOfLocalDate } from '@ioc-graph/platform';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { consumeOne, fixedWindowLimiter, type LimiterRedis, type RateLimitDecision } from '../limits';
import type { ApiKeyGrant } from './apiKeys';

/**
 * Each API key's quotas: requests per minute and per day (the day in Asia/Ho_Chi_Minh, as partners read
 * their usage), counted with the gateway's own rate limiter, in Redis when REDIS_URL is set so that every
 * gateway counts together. A refused request still counts against the minute, so a partner hammering a
 * closed door does not get a fresh budget sooner.
 */
export class KeyQuotas {
  private readonly limiters = new Map<string, RateLimiterAbstract>();

  constructor(
    private readonly keyPrefix: string,
    private readonly redis?: LimiterRedis,
  ) {}

  /**
   * Counts one request for the key. The decision is the tighter of the two windows: what `RateLimit-*`
   * headers report, and on a refusal, how long until the window that refused reopens.
   */
  async take(grant: ApiKeyGrant, now = new Date()): Promise<RateLimitDecision> {
    const minute = await consumeOne(this.limiter(grant.quotaPerMinute, 60, 'm'), grant.id);
    if (!minute.allowed) return minute;
    const today = localDate(now);
    const day = await consumeOne(this.limiter(grant.quotaPerDay, 2 * 86_400, 'd'), `${grant.id}:${today}`);
    const untilMidnight = Math.max(1, Math.ceil((startOfLocalDate(addLocalDays(today, 1)).getTime() - now.getTime()) / 1000));
    const dayDecision = { ...day, resetSeconds: untilMidnight };
    if (!day.allowed) return dayDecision;
    return day.remaining < minute.remaining ? dayDecision : minute;
  }

  private limiter(points: number, duration: number, window: string): RateLimiterAbstract {
    const name = `${window}${points}`;
    let limiter = this.limiters.get(name);
    if (!limiter) {
      limiter = fixedWindowLimiter(points, duration, `${this.keyPrefix}:${name}`, this.redis);
      this.limiters.set(name, limiter);
    }
    return limiter;
  }
}
