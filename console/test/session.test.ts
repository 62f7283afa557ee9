import { Session, type Grant } from '../src/auth/session';

/** An unsigned JWT with these claims: the console reads claims, the gateway checks signatures. */
const tokenWith = (claims: Record<string, unknown>) =>
  ['{"alg":"none"}', JSON.stringify(claims), ''].map((part) => Buffer.from(part).toString('base64url')).join('.');

const grant = (lifetimeMs: number, claims: Record<string, unknown> = { sub: 'demo-operator', roles: ['OPERATOR'] }): Grant => ({
  token: tokenWith({ ...claims, exp: Math.floor((Date.now() + lifetimeMs) / 1000) }),
  expiresAt: Date.now() + lifetimeMs,
});

describe("the console's session", () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-11-23T01:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('reads who signed in from the token, Vietnamese names and an identity provider’s realm roles included', () => {
    const session = new Session();
    session.signIn(
      grant(900_000, { sub: 'u1', name: 'Trần Thị Minh Thư', realm_access: { roles: ['OPERATOR'] }, agency_id: 'a1' }),
      jest.fn(),
    );
    expect(session.viewer).toEqual({
      subject: 'u1',
      fullName: 'Trần Thị Minh Thư',
      roles: ['OPERATOR'],
      agencyId: 'a1',
      fieldUnitId: null,
    });
  });

  it('renews a minute before expiry, and tells its listeners of the new token', async () => {
    const session = new Session();
    const renewed = grant(900_000);
    const renew = jest.fn().mockResolvedValue(renewed);
    const heard = jest.fn();
    session.signIn(grant(900_000), renew);
    session.onChange(heard);
    await jest.advanceTimersByTimeAsync(839_000);
    expect(renew).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(renew).toHaveBeenCalledTimes(1);
    expect(session.token).toBe(renewed.token);
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('renews a short-lived token at 80 % of its life', async () => {
    const session = new Session();
    const renew = jest.fn().mockResolvedValue(grant(60_000));
    session.signIn(grant(60_000), renew);
    await jest.advanceTimersByTimeAsync(47_000);
    expect(renew).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(renew).toHaveBeenCalledTimes(1);
  });

  it('keeps the token it has while renewals fail, retrying, and signs out when it has expired', async () => {
    const session = new Session();
    const first = grant(120_000);
    const renew = jest.fn().mockRejectedValue(new Error('identity provider down'));
    session.signIn(first, renew);
    await jest.advanceTimersByTimeAsync(96_000);
    expect(renew).toHaveBeenCalledTimes(1);
    expect(session.token).toBe(first.token);
    await jest.advanceTimersByTimeAsync(20_000);
    expect(renew.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(session.viewer).not.toBeNull();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(session.token).toBeNull();
    expect(session.viewer).toBeNull();
  });
});
