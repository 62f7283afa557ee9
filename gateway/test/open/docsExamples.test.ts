import { Role } from '@ioc-graph/platform';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHub, type Hub } from '../../../test/support/hub';

const DOC = join(__dirname, '../../../docs/open-data.md');

interface Example {
  /** What the `<!-- expect: … -->` comment above the block says its output is; none for set-up blocks. */
  expect: string | null;
  code: string;
}

/** The `sh` blocks of the page, in order, each with the expectation written above it. */
function examplesOf(markdown: string): Example[] {
  return [...markdown.matchAll(/(?:<!-- expect: ([\w-]+) -->\n)?```sh\n([\s\S]*?)```/g)].map(([, expect, code]) => ({
    expect: expect ?? null,
    code,
  }));
}

/** Runs the blocks in one bash, as a reader pasting them one after the other would; each block's output apart. */
function run(examples: Example[], env: Record<string, string>): Promise<{ outputs: string[]; stderr: string; code: number | null }> {
  const script = [
    'set -euo pipefail',
    ...examples.map((example, i) => `printf '\\n@@block ${i}\\n'\n${example.code}`),
    "printf '\\n@@block end\\n'",
  ].join('\n');
  return new Promise((resolve, reject) => {
    const bash = spawn('bash', ['-c', script], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    bash.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    bash.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    bash.on('error', reject);
    bash.on('close', (code) => {
      const parts = stdout.split(/\n@@block \S+\n/).slice(1);
      resolve({ outputs: parts, stderr, code });
    });
  });
}

/**
 * docs/open-data.md as written: an operator registers a partner and issues a key through the graph, and
 * with that key the page's curl examples return CSV, GeoJSON, JSON, the catalogue, Open311 services and
 * requests, a CAP message and its Atom index, NGSI-LD entities and the graph; the revoked key is then refused.
 */
describe('docs/open-data.md', () => {
  let hub: Hub;
  const examples = examplesOf(readFileSync(DOC, 'utf8'));

  beforeAll(async () => {
    hub = await startHub({}, { now: new Date().toISOString() });
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('has an example of every kind the page promises', () => {
    expect(examples.map((example) => example.expect).filter(Boolean)).toEqual([
      'key',
      'csv',
      'geojson',
      'json',
      'catalog',
      'open311-services',
      'open311-created',
      'open311-request',
      'warning',
      'atom',
      'cap',
      'ngsi-ld',
      'graphql',
      'revoked',
    ]);
  });

  it('runs every example as written and each gives what the page says', async () => {
    const { outputs, stderr, code } = await run(examples, {
      HUB: new URL(hub.gatewayUrl).origin,
      OPERATOR_TOKEN: hub.tokens[Role.OPERATOR],
    });
    if (code !== 0) throw new Error(`block ${outputs.length - 1} failed (exit ${code}):\n${outputs.at(-1)}\n${stderr}`);
    const out = Object.fromEntries(examples.map((example, i) => [example.expect ?? `setup-${i}`, outputs[i]]));
    const json = (kind: string) => JSON.parse(out[kind]) as Record<string, unknown> & unknown[];

    expect(out.key.trim()).toMatch(/^iocg_[A-Za-z0-9]{40}$/);
    expect(out.csv.startsWith('\uFEFFid,code,level,kind,name_vi,name_en')).toBe(true);
    expect(out.csv.trimEnd().split('\r\n').length).toBeGreaterThan(5);
    const stations = json('geojson') as unknown as { type: string; features: { geometry: { type: string } }[] };
    expect(stations.type).toBe('FeatureCollection');
    expect(stations.features.length).toBeGreaterThan(0);
    expect(stations.features[0].geometry.type).toBe('Point');
    expect((json('json') as unknown as { items: unknown[] }).items.length).toBeGreaterThan(0);
    const catalog = json('catalog');
    expect(catalog['@type']).toBe('dcat:Catalog');
    expect(JSON.stringify(catalog)).toContain('administrative-units');
    const services = json('open311-services') as unknown as { service_code: string }[];
    expect(services.map((service) => service.service_code)).toContain('URB_FLOODING');
    const trackingCode = out['open311-created'].trim();
    expect(trackingCode).toMatch(/^PA-/);
    const [request] = json('open311-request') as unknown as { service_request_id: string; status: string; service_code: string }[];
    expect(request).toMatchObject({ service_request_id: trackingCode, status: 'open', service_code: 'URB_FLOODING' });
    const identifier = out.warning.trim();
    expect(identifier).toMatch(/^urn:ioc-graph:/);
    expect(out.atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(out.atom).toContain(identifier);
    expect(out.cap).toContain('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">');
    expect(out.cap).toContain(`<identifier>${identifier}</identifier>`);
    expect(out.cap).toContain('<msgType>Alert</msgType>');
    expect(out.cap).toContain('<language>vi-VN</language>');
    expect(out.cap).toContain('<language>en-US</language>');
    const entities = json('ngsi-ld') as unknown as { type: string; location: unknown }[];
    expect(entities.length).toBeGreaterThan(0);
    expect(entities.every((entity) => entity.type === 'AirQualityObserved' && entity.location)).toBe(true);
    const graph = json('graphql') as unknown as { data: { administrativeUnitByCode: { nameVi: string } }; errors?: unknown };
    expect(graph.errors).toBeUndefined();
    expect(graph.data.administrativeUnitByCode.nameVi).toMatch(/Bình Phước/);
    expect(out.revoked.trim()).toBe('401');
  });
});
