import type { Logger } from '@ioc-graph/platform';
import { createRateLimiter, rateLimitHeaders } from './limits';

const silent = () => ({ warn: jest.fn(), info: jest.fn(), error: jest.fn(), debug: jest.fn() }) as unknown as Logger & { warn: jest.Mock };

/** The in-memory window on a clock the test moves: no dependence on how fast requests are sent. */
describe('createRateLimiter in memory', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('lets a caller spend its minute’s budget, then says how long to wait, until the window ends', async () => {
    const limiter = await createRateLimiter({ points: 300, logger: silent() });
    for (let i = 0; i < 299; i++) await limiter.take('partner');
    expect(await limiter.take('partner')).toEqual({ allowed: true, limit: 300, remaining: 0, resetSeconds: 60 });
    jest.advanceTimersByTime(20_000);
    expect(await limiter.take('partner')).toEqual({ allowed: false, limit: 300, remaining: 0, resetSeconds: 40 });
    expect((await limiter.take('operator')).allowed).toBe(true); // callers have their own budgets
    jest.advanceTimersByTime(40_001);
    expect(await limiter.take('partner')).toEqual({ allowed: true, limit: 300, remaining: 299, resetSeconds: 60 });
  });

  it('limits nothing when the budget is 0', async () => {
    const limiter = await createRateLimiter({ points: 0, logger: silent() });
    expect(limiter.enabled).toBe(false);
    for (let i = 0; i < 1000; i++) expect((await limiter.take('anyone')).allowed).toBe(true);
  });
});

describe('rateLimitHeaders', () => {
  it('names the budget, what is left and when it is whole again, and Retry-After only on a refusal', () => {
    expect(rateLimitHeaders({ allowed: true, limit: 10, remaining: 3, resetSeconds: 42 })).toEqual({
      'ratelimit-limit': '10',
      'ratelimit-remaining': '3',
      'ratelimit-reset': '42',
    });
    expect(rateLimitHeaders({ allowed: false, limit: 10, remaining: 0, resetSeconds: 7 })).toMatchObject({ 'retry-after': '7' });
  });
});

describe('createRateLimiter with Redis that does not answer', () => {
  it('counts in memory and warns, rather than letting everything through or failing', async () => {
    const logger = silent();
    // Port 9 (discard) is closed on loopback: the connection is refused at once.
    const limiter = await createRateLimiter({ points: 2, redisUrl: 'redis://127.0.0.1:9', logger });
    try {
      expect((await limiter.take('caller')).allowed).toBe(true);
      expect((await limiter.take('caller')).allowed).toBe(true);
      expect(await limiter.take('caller')).toMatchObject({ allowed: false, remaining: 0 });
      expect(logger.warn).toHaveBeenCalledWith(expect.anything(), expect.stringMatching(/Redis does not answer/));
    } finally {
      await limiter.close();
    }
  });
});
