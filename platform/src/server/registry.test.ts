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

  it('lists every subgraph folder, each with the same top files and its package', () => {
    for (const { name, package: pkg } of subgraphRegistry()) {
      const folder = join(ROOT, 'subgraphs', name);
      for (const file of ['config.ts', 'context.ts', 'schema.ts', 'server.ts', 'index.ts'])
        expect(existsSync(join(folder, 'src', file)) ? file : `${name}/src/${file} missing`).toBe(file);
      expect(JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')).name).toBe(pkg);
    }
  });
});
