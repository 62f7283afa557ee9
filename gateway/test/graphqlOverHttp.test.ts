import { auditServer, type AuditResult } from 'graphql-http';
import { startHub, type Hub } from '../../test/support/hub';

/**
 * The audits (all MAY) that CSRF prevention fails on purpose: they send GET requests with no
 * `content-type` and no preflight header, which a cross-site page could send too, so Apollo's
 * csrfPrevention refuses them (gateway.test.ts proves it). Browsers and clients that send
 * `apollo-require-preflight` or `x-apollo-operation-name` with their GETs are answered.
 */
const REFUSED_BY_CSRF_PREVENTION = [
  '5A70 MAY accept application/x-www-form-urlencoded formatted GET requests',
  'D6D5 MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/graphql-response+json',
  '6A70 MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/json',
];

/** A failed, warned or noticed audit, as a line that says what the spec wanted and what came back. */
const describeResult = (result: AuditResult) =>
  `${result.id} ${result.name}${result.status === 'ok' ? '' : ` (${result.status}: ${result.reason})`}`;

describe('GraphQL over HTTP (the graphql-http audit of the spec)', () => {
  let hub: Hub;
  let results: AuditResult[];
  beforeAll(async () => {
    hub = await startHub({ RATE_LIMIT_PER_MINUTE: '0' });
    results = await auditServer({ url: hub.gatewayUrl });
  });
  afterAll(() => hub.stop());

  it('passes every MUST and SHOULD audit, for application/json and application/graphql-response+json', () => {
    const failed = results.filter((result) => result.status === 'error' || result.status === 'warn').map(describeResult);
    expect(failed).toEqual([]);
    expect(results.length).toBeGreaterThan(50);
  });

  it('passes every MAY audit except the GETs that CSRF prevention refuses', () => {
    const noticed = results.filter((result) => result.status === 'notice');
    expect(noticed.map((result) => `${result.id} ${result.name}`).sort()).toEqual([...REFUSED_BY_CSRF_PREVENTION].sort());
    for (const result of noticed) expect(describeResult(result)).toMatch(/status code is not 200/);
  });

  it('passes every audit when its GETs carry a preflight header, as a browser client’s do', async () => {
    const preflighted = (input: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      if ((init.method ?? 'GET') === 'GET') headers.set('apollo-require-preflight', 'true');
      return fetch(input, { ...init, headers });
    };
    const all = await auditServer({ url: hub.gatewayUrl, fetchFn: preflighted });
    expect(all.filter((result) => result.status !== 'ok').map(describeResult)).toEqual([]);
  });
});
