import { createGateway, readGatewayConfig, type GatewayServer } from '@ioc-graph/gateway';
import { createLogger, envReader } from '@ioc-graph/platform';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { ProvinceUnitsDocument } from '../../__generated__/graphql';
import { startHub, TEST_ENV, type Hub } from '../../test/support/hub';
import { readManifest, sha256 } from '../src/persistedOperations';

// The generator is the script `npm run generate` runs; its source globs are listed there once.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require('../../scripts/operationsManifest.js') as { MANIFEST: string; manifestText(): string };
const root = join(__dirname, '../..');

const BODY = print(ProvinceUnitsDocument);
const ID = sha256(BODY);
const UNLISTED = '{ administrativeUnitByCode(code: "70") { code nameVi } }';
const apq = (sha256Hash: unknown, version: unknown = 1) => ({ extensions: { persistedQuery: { version, sha256Hash } } });

interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function post(url: string, body: Record<string, unknown>, token?: string): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
}
const codeOf = (answer: Answer) => answer.errors?.[0]?.extensions?.code;

/** Malformed ids, each answered 400 BAD_REQUEST (Apollo alone answers some with a code-less error or INTERNAL). */
const MALFORMED: [string, Record<string, unknown>][] = [
  ['a short hash', apq('abc123')],
  ['a number for a hash', apq(12345)],
  ['an upper-case hash', apq(ID.toUpperCase())],
  ['no hash', apq(undefined)],
  ['version 2', apq(ID, 2)],
  ['persistedQuery as a string', { extensions: { persistedQuery: ID } }],
  ['a hash that is not the query', { query: UNLISTED, ...apq(ID) }],
  ['a malformed documentId', { documentId: 'sha256:zz' }],
  ['documentId and persistedQuery together', { documentId: ID, ...apq(ID) }],
];

describe('persisted operations', () => {
  let hub: Hub;
  let allow: { url: string; server: GatewayServer };
  beforeAll(async () => {
    hub = await startHub({ PERSISTED_OPERATIONS: 'safelist' });
    // A second gateway on the same subgraphs, in the default mode.
    const config = readGatewayConfig(envReader({ ...process.env, ...TEST_ENV, EVENT_BUS_URL: hub.databaseUrl, PORT: '0' }));
    config.subgraphUrls = Object.fromEntries(Object.values(hub.subgraphs).map(({ entry, url }) => [entry.name, url]));
    const server = await createGateway(config, { logger: createLogger('gateway', 'silent') });
    allow = { server, url: await server.listen(0) };
  });
  afterAll(async () => {
    await allow?.server.stop();
    await hub?.stop();
  });

  describe('under PERSISTED_OPERATIONS=safelist', () => {
    it('lets the public run a manifest operation by id, by documentId and by its full body', async () => {
      const answers = [
        await post(hub.gatewayUrl, apq(ID)),
        await post(hub.gatewayUrl, { documentId: `sha256:${ID}` }),
        await post(hub.gatewayUrl, { query: BODY }),
        await post(hub.gatewayUrl, { query: BODY, ...apq(ID) }),
      ];
      for (const answer of answers) {
        expect(answer.errors).toBeUndefined();
        expect(answer.status).toBe(200);
        expect(answer.data).toMatchObject({ administrativeUnitByCode: { code: '70' } });
      }
    });

    it('refuses an unlisted operation from the public and partners with 403 FORBIDDEN', async () => {
      for (const token of [undefined, hub.tokens.PARTNER]) {
        const answer = await post(hub.gatewayUrl, { query: UNLISTED }, token);
        expect([answer.status, codeOf(answer)]).toEqual([403, 'FORBIDDEN']);
        expect(answer.data).toBeUndefined();
      }
    });

    it('does not let the public register an unlisted operation as an automatic persisted query', async () => {
      const registered = await post(hub.gatewayUrl, { query: UNLISTED, ...apq(sha256(UNLISTED)) });
      expect([registered.status, codeOf(registered)]).toEqual([403, 'FORBIDDEN']);
      const byHash = await post(hub.gatewayUrl, apq(sha256(UNLISTED)));
      expect([byHash.status, codeOf(byHash)]).toEqual([404, 'PERSISTED_QUERY_NOT_FOUND']);
    });

    it('lets staff and sector systems send any operation', async () => {
      for (const token of [hub.tokens.OPERATOR, hub.tokens.SYSTEM]) {
        const answer = await post(hub.gatewayUrl, { query: UNLISTED }, token);
        expect([answer.status, answer.errors]).toEqual([200, undefined]);
      }
    });

    it('applies the same rule over WebSocket', async () => {
      const client = createClient({ url: hub.gatewayUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
      type Result = { data?: unknown; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] };
      const run = (payload: { query: string; extensions?: Record<string, unknown> }) =>
        new Promise<Result>((resolve) => {
          const error = (errors: unknown) => resolve({ errors: errors as Result['errors'] });
          client.subscribe(payload, { next: resolve, error, complete: () => undefined });
        });
      try {
        expect(await run({ query: '', ...apq(ID) })).toMatchObject({ data: { administrativeUnitByCode: { code: '70' } } });
        expect((await run({ query: UNLISTED })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect((await run({ query: '', ...apq('0'.repeat(64)) })).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      } finally {
        await client.dispose();
      }
    });
  });

  describe.each([
    ['safelist', () => hub.gatewayUrl],
    ['allow', () => allow.url],
  ])('a bad persisted-query id under %s', (_mode, url) => {
    it.each(MALFORMED)('answers %s with 400 BAD_REQUEST', async (_case, body) => {
      const answer = await post(url(), body);
      expect([answer.status, codeOf(answer)]).toEqual([400, 'BAD_REQUEST']);
    });

    it('answers an unknown hash or documentId with 404 PERSISTED_QUERY_NOT_FOUND, whoever calls', async () => {
      const unknown = 'f'.repeat(64);
      for (const token of [undefined, hub.tokens.OPERATOR]) {
        for (const body of [apq(unknown), { documentId: `sha256:${unknown}` }]) {
          const answer = await post(url(), body, token);
          expect([answer.status, codeOf(answer)]).toEqual([404, 'PERSISTED_QUERY_NOT_FOUND']);
        }
      }
    });

    it('answers a bad id in a GET request as in a POST', async () => {
      const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: 'nope' } }));
      const response = await fetch(`${url()}?extensions=${extensions}`, { headers: { 'apollo-require-preflight': 'true' } });
      expect([response.status, codeOf((await response.json()) as Answer)]).toEqual([400, 'BAD_REQUEST']);
    });
  });

  it('keeps automatic persisted queries working under allow', async () => {
    const registered = await post(allow.url, { query: UNLISTED, ...apq(sha256(UNLISTED)) });
    expect([registered.status, registered.errors]).toEqual([200, undefined]);
    const byHash = await post(allow.url, apq(sha256(UNLISTED)));
    expect(byHash.data).toMatchObject({ administrativeUnitByCode: { code: '70' } });
    const unlisted = await post(allow.url, { query: UNLISTED });
    expect(unlisted.status).toBe(200);
  });
});

describe('the persisted operations manifest', () => {
  it('is what the generator makes of the clients’ .graphql files (npm run generate)', () => {
    expect(readFileSync(join(root, generator.MANIFEST), 'utf8')).toBe(generator.manifestText());
  });

  it('lists the operations the examples use, each id the SHA-256 of its body', () => {
    const operations = readManifest(join(root, generator.MANIFEST));
    expect(operations.get(ID)).toBe(BODY);
    expect(operations.size).toBeGreaterThan(30);
  });

  it('is refused when an id is not its body’s hash', () => {
    const manifest = JSON.parse(generator.manifestText());
    manifest.operations[0].body += ' ';
    const file = join(tmpdir(), `tampered-operations-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(manifest));
    expect(() => readManifest(file)).toThrow(/is not the SHA-256 of its body/);
  });
});
