import { SignJWT, type JWTPayload } from 'jose';
import { createTokenVerifier } from './jwt';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const verify = createTokenVerifier({ kind: 'secret', secret: SECRET, issuer: 'ioc-graph', audience: 'ioc-graph' });
const now = () => Math.floor(Date.now() / 1000);
const HOUR = 3600;

/** Signs exactly the times given: no `iat` or `exp` is added that the case does not name. */
function token(times: Pick<JWTPayload, 'iat' | 'exp' | 'nbf'>): Promise<string> {
  return new SignJWT({ roles: ['OPERATOR'], ...times })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('u1')
    .setIssuer('ioc-graph')
    .setAudience('ioc-graph')
    .sign(new TextEncoder().encode(SECRET));
}

describe('createTokenVerifier: token lifetime', () => {
  it.each([
    ['a token without exp', () => ({ iat: now() }), /has no expiry \(exp\)/],
    ['exp a century ahead', () => ({ iat: now(), exp: now() + 100 * 365 * 24 * HOUR }), /lives longer than the 43200 s/],
    ['exp a century ahead without iat', () => ({ exp: now() + 100 * 365 * 24 * HOUR }), /lives longer than the 43200 s/],
    ['13 hours between iat and exp', () => ({ iat: now() - HOUR, exp: now() + 12 * HOUR }), /lives longer/],
    ['iat tomorrow', () => ({ iat: now() + 24 * HOUR, exp: now() + 25 * HOUR }), /issued in the future \(iat\)/],
    ['nbf in the future', () => ({ iat: now(), nbf: now() + HOUR, exp: now() + 2 * HOUR }), /not valid yet \(nbf\)/],
    ['exp in the past beyond the skew', () => ({ iat: now() - 2 * HOUR, exp: now() - HOUR }), /has expired/],
  ])('refuses %s as UNAUTHENTICATED', async (_case, times, message) => {
    await expect(verify(await token(times()))).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
      message: expect.stringMatching(message),
    });
  });

  it.each([
    ['a 12-hour token', () => ({ iat: now(), exp: now() + 12 * HOUR })],
    ['a 5-minute token without iat', () => ({ exp: now() + 300 })],
    ['iat and nbf a few seconds ahead (clock skew)', () => ({ iat: now() + 10, nbf: now() + 10, exp: now() + HOUR })],
  ])('accepts %s', async (_case, times) => {
    await expect(verify(await token(times()))).resolves.toMatchObject({ subject: 'u1', roles: ['OPERATOR'] });
  });

  it('applies the configured maximum lifetime and clock skew', async () => {
    const strict = createTokenVerifier({
      kind: 'secret',
      secret: SECRET,
      issuer: 'ioc-graph',
      audience: 'ioc-graph',
      maxLifetimeSeconds: 15 * 60,
      clockSkewSeconds: 0,
    });
    await expect(strict(await token({ iat: now(), exp: now() + HOUR }))).rejects.toThrow(/lives longer than the 900 s/);
    await expect(strict(await token({ iat: now() + 10, exp: now() + 600 }))).rejects.toThrow(/issued in the future/);
    await expect(strict(await token({ iat: now(), exp: now() + 600 }))).resolves.toMatchObject({ subject: 'u1' });
  });
});
