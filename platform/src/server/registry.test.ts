import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseRegistry, subgraphRegistry } from './registry';

const ROOT = resolve(__dirname, '../../..');
const entry = (name: string, port: number, dependencies: string[] = []) => ({ name, package: `@x/${name}`, port, dependencies });

describe('the subgraph registry', () => {
  it('orders subgraphs after their dependencies, otherwise as written', () => {
    const ordered = parseRegistry({
      subgraphs: [entry('dispatch', 3, ['incidents']), entry('directory', 1), entry('incidents', 2, ['directory'])],
    });
    expect(ordered.map((e) => e.name)).toEqual(['directory', 'incidents', 'dispatch']);
  });

  it('refuses an unknown dependency, a cycle, a repeated name or port, naming them', () => {
    expect(() => parseRegistry({ subgraphs: [entry('a', 1, ['b'])] })).toThrow(/a depends on "b"/);
    expect(() => parseRegistry({ subgraphs: [entry('a', 1, ['b']), entry('b', 2, ['a'])] })).toThrow(/cycle a → b → a/);
    expect(() => parseRegistry({ subgraphs: [entry('a', 1), entry('a', 2)] })).toThrow(/"a" appears twice/);
    expect(() => parseRegistry({ subgraphs: [entry('a', 1), entry('b', 1)] })).toThrow(/same port/);
    expect(() => parseRegistry({ subgraphs: [{ ...entry('a', 1), port: 70000 }] })).toThrow(/port/);
  });

  it('reads the bulk ingest routes an entry serves (none by default) and refuses a malformed or shared one', () => {
    const [plain, serving] = parseRegistry({ subgraphs: [entry('a', 1), { ...entry('b', 2), ingest: ['/ingest/v1/readings'] }] });
    expect([plain!.ingest, serving!.ingest]).toEqual([[], ['/ingest/v1/readings']]);
    expect(() => parseRegistry({ subgraphs: [{ ...entry('a', 1), ingest: ['/graphql'] }] })).toThrow(/ingest must be a list of paths/);
    const twice = {
      subgraphs: [
        { ...entry('a', 1), ingest: ['/ingest/v1/x'] },
        { ...entry('b', 2), ingest: ['/ingest/v1/x'] },
      ],
    };
    expect(() => parseRegistry(twice)).toThrow(/b and a both serve \/ingest\/v1\/x/);
  });

  it('reads an entry’s deployment, with events on and no own variables by default, and refuses a malformed one', () => {
    const withDeployment = (deployment: unknown) => ({ ...entry('a', 1), deployment });
    const [plain, own] = parseRegistry({
      subgraphs: [entry('b', 2), withDeployment({ events: false, environment: { MQTT_TOPIC: '${MQTT_TOPIC:-x}' } })],
    });
    expect(plain.deployment).toEqual({ events: true, environment: {} });
    expect(own.deployment).toEqual({ events: false, environment: { MQTT_TOPIC: '${MQTT_TOPIC:-x}' } });
    const refused = (deployment: unknown) => () => parseRegistry({ subgraphs: [withDeployment(deployment)] });
    expect(refused([])).toThrow(/deployment must be an object/);
    expect(refused({ event: true })).toThrow(/unknown fields event/);
    expect(refused({ events: 'yes' })).toThrow(/events must be true or false/);
    expect(refused({ environment: { mqtt: 'x' } })).toThrow(/mqtt is not an upper-case variable name/);
    expect(refused({ environment: { MQTT: 1 } })).toThrow(/MQTT must be a string/);
    // What the generated docker-compose service always sets (scripts/deployment.js), an entry may not set again.
    expect(refused({ environment: { PORT: '1' } })).toThrow(/must not set PORT/);
    expect(() =>
      parseRegistry({ subgraphs: [entry('b', 2), { ...entry('a', 1, ['b']), deployment: { environment: { B_URL: 'x' } } }] }),
    ).toThrow(/must not set B_URL/);
  });

  it('lists every subgraph folder, each with the same top files and its package', () => {
    for (const { name, package: pkg } of subgraphRegistry()) {
      const folder = join(ROOT, 'subgraphs', name);
      for (const file of ['config.ts', 'context.ts', 'schema.ts', 'server.ts', 'index.ts'])
        expect(existsSync(join(folder, 'src', file)) ? file : `${name}/src/${file} missing`).toBe(file);
      expect(JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')).name).toBe(pkg);
    }
  });
});
