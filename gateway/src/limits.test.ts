import { RateLimiter } from './limits';

/** The token bucket on a clock the test moves: no dependence on how fast requests are sent. */
describe('RateLimiter', () => {
  it('lets a caller spend its minute’s budget at once, then says how long to wait', () => {
    let now = 0;
    const limiter = new RateLimiter(300, () => now);
    for (let i = 0; i < 300; i++) expect(limiter.take('partner')).toBe(0);
    expect(limiter.take('partner')).toBe(1); // one token comes back every 0.2 s: wait 1 s (rounded up)
    expect(limiter.take('operator')).toBe(0); // callers have their own buckets
    now += 200;
    expect(limiter.take('partner')).toBe(0);
    expect(limiter.take('partner')).toBe(1);
    now += 60_000;
    for (let i = 0; i < 300; i++) expect(limiter.take('partner')).toBe(0); // refilled to the budget, not past it
    expect(limiter.take('partner')).toBeGreaterThan(0);
  });

  it('limits nothing when the budget is 0', () => {
    const limiter = new RateLimiter(0, () => 0);
    for (let i = 0; i < 1000; i++) expect(limiter.take('anyone')).toBe(0);
  });

  it('asks a caller of a small budget to wait for a whole token', () => {
    let now = 0;
    const limiter = new RateLimiter(2, () => now);
    limiter.take('a');
    limiter.take('a');
    expect(limiter.take('a')).toBe(30);
    now += 15_000;
    expect(limiter.take('a')).toBe(15);
  });
});
