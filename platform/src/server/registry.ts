import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One subgraph of the hub, as `subgraphs/registry.json` declares it. */
export interface SubgraphEntry {
  /** Its folder under `subgraphs/`, its PostgreSQL schema, and the stem of `<NAME>_PORT` and `<NAME>_URL`. */
  name: string;
  /** The workspace package whose main module exports `readConfig` and `createServer` (a {@link SubgraphModule}). */
  package: string;
  /** The port it listens on unless `PORT` (alone) or `<NAME>_PORT` (under `npm start`) says otherwise. */
  port: number;
  /** The subgraphs whose URLs it reads (`<DEP>_URL`): they start before it. */
  dependencies: string[];
  /** How its docker-compose service differs from the common one (`scripts/deployment.js` generates it). */
  deployment: SubgraphDeployment;
  /**
   * Its bulk ingest routes (`/ingest/v1/readings`; optional, default none): the gateway forwards a
   * `POST` to one of them to this subgraph, signed (see `BulkIngestRoute`).
   */
  ingest: string[];
}

/** The registry's optional `deployment` field of an entry, with its defaults filled in. */
export interface SubgraphDeployment {
  /** Whether its service receives the event bus settings (`x-events` of docker-compose.yml); default true. */
  events: boolean;
  /**
   * Its own variables in docker-compose.yml, beyond DATABASE_URL, PORT, LOG_LEVEL and its `<DEP>_URL`s,
   * each written as compose reads it: `{ "MQTT_TOPIC": "${MQTT_TOPIC:-ioc/environment/readings}" }`.
   */
  environment: Record<string, string>;
}

const REGISTRY_FILE = join('subgraphs', 'registry.json');
const INGEST_PATH = /^\/ingest\/v\d+\/[a-z][a-z0-9-]*$/;
let cached: SubgraphEntry[] | undefined;

/**
 * The hub's subgraphs in start order (every subgraph after its dependencies, otherwise in the order of
 * the file), read once from `subgraphs/registry.json` at the repository root. Throws, naming the entry,
 * when an entry is malformed, a name repeats, a dependency is unknown or the dependencies form a cycle.
 */
export function subgraphRegistry(): SubgraphEntry[] {
  cached ??= parseRegistry(JSON.parse(readFileSync(registryFile(), 'utf8')));
  return cached;
}

/** The registry entry of one subgraph; throws when the registry has none of that name. */
export function subgraphEntry(name: string): SubgraphEntry {
  const entry = subgraphRegistry().find((e) => e.name === name);
  if (!entry) throw new Error(`${REGISTRY_FILE} has no subgraph named "${name}"`);
  return entry;
}

/** The variable naming a subgraph's port under `npm start`: `DIRECTORY_PORT`. */
export const portVariable = (name: string) => `${name.toUpperCase()}_PORT`;

/** The variable by which another subgraph finds this one: `DIRECTORY_URL`. */
export const urlVariable = (name: string) => `${name.toUpperCase()}_URL`;

/** A subgraph's GraphQL URL at its default port: what a dependent reads when `<NAME>_URL` is unset. */
export const defaultSubgraphUrl = (name: string, host = '127.0.0.1') => `http://${host}:${subgraphEntry(name).port}/graphql`;

/** Validates the registry's JSON and orders it so that every subgraph follows its dependencies. */
export function parseRegistry(json: unknown): SubgraphEntry[] {
  const list = (json as { subgraphs?: unknown })?.subgraphs;
  if (!Array.isArray(list)) throw new Error(`${REGISTRY_FILE} must hold { "subgraphs": [...] }`);
  const entries = list.map((raw, i): SubgraphEntry => {
    const entry = raw as Partial<SubgraphEntry>;
    const where = `${REGISTRY_FILE}, entry ${i}`;
    if (typeof entry.name !== 'string' || !/^[a-z][a-z0-9]*$/.test(entry.name))
      throw new Error(`${where}: name must be lower-case letters and digits`);
    if (typeof entry.package !== 'string' || !entry.package) throw new Error(`${where} (${entry.name}): package is required`);
    if (!Number.isInteger(entry.port) || entry.port! < 1 || entry.port! > 65535)
      throw new Error(`${where} (${entry.name}): port must be 1–65535`);
    if (!Array.isArray(entry.dependencies) || entry.dependencies.some((d) => typeof d !== 'string')) {
      throw new Error(`${where} (${entry.name}): dependencies must be a list of subgraph names`);
    }
    const reserved = ['DATABASE_URL', 'PORT', 'LOG_LEVEL', ...entry.dependencies.map(urlVariable)];
    const deployment = parseDeployment(entry.deployment, `${where} (${entry.name})`, reserved);
    const ingest = entry.ingest ?? [];
    if (!Array.isArray(ingest) || ingest.some((path) => typeof path !== 'string' || !INGEST_PATH.test(path))) {
      throw new Error(`${where} (${entry.name}): ingest must be a list of paths such as /ingest/v1/readings`);
    }
    return {
      name: entry.name,
      package: entry.package,
      port: entry.port!,
      dependencies: [...entry.dependencies],
      deployment,
      ingest: [...ingest],
    };
  });
  const byName = new Map<string, SubgraphEntry>();
  for (const entry of entries) {
    if (byName.has(entry.name)) throw new Error(`${REGISTRY_FILE}: the name "${entry.name}" appears twice`);
    byName.set(entry.name, entry);
  }
  const ingestRoutes = new Map<string, string>();
  for (const entry of entries) {
    for (const path of entry.ingest) {
      const other = ingestRoutes.get(path);
      if (other) throw new Error(`${REGISTRY_FILE}: ${entry.name} and ${other} both serve ${path}`);
      ingestRoutes.set(path, entry.name);
    }
  }
  for (const key of ['port', 'package'] as const) {
    const seen = new Map<unknown, string>();
    for (const entry of entries) {
      const other = seen.get(entry[key]);
      if (other) throw new Error(`${REGISTRY_FILE}: ${entry.name} and ${other} have the same ${key}`);
      seen.set(entry[key], entry.name);
    }
  }
  const ordered: SubgraphEntry[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (entry: SubgraphEntry, path: string[]) => {
    if (state.get(entry.name) === 'done') return;
    if (state.get(entry.name) === 'visiting') throw new Error(`${REGISTRY_FILE}: dependency cycle ${[...path, entry.name].join(' → ')}`);
    state.set(entry.name, 'visiting');
    for (const name of entry.dependencies) {
      const dependency = byName.get(name);
      if (!dependency) throw new Error(`${REGISTRY_FILE}: ${entry.name} depends on "${name}", which is not in the registry`);
      visit(dependency, [...path, entry.name]);
    }
    state.set(entry.name, 'done');
    ordered.push(entry);
  };
  for (const entry of entries) visit(entry, []);
  return ordered;
}

/** Validates an entry's optional `deployment` and fills in its defaults; `reserved` are the variables every service gets. */
function parseDeployment(raw: unknown, where: string, reserved: string[]): SubgraphDeployment {
  if (raw === undefined) return { events: true, environment: {} };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error(`${where}: deployment must be an object`);
  const { events = true, environment = {}, ...unknown } = raw as Partial<SubgraphDeployment>;
  if (Object.keys(unknown).length) throw new Error(`${where}: deployment has unknown fields ${Object.keys(unknown).join(', ')}`);
  if (typeof events !== 'boolean') throw new Error(`${where}: deployment.events must be true or false`);
  if (typeof environment !== 'object' || environment === null || Array.isArray(environment))
    throw new Error(`${where}: deployment.environment must map variable names to values`);
  for (const [variable, value] of Object.entries(environment)) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(variable))
      throw new Error(`${where}: deployment.environment: ${variable} is not an upper-case variable name`);
    if (typeof value !== 'string') throw new Error(`${where}: deployment.environment.${variable} must be a string`);
    // The generated service sets these itself: a second value would silently win or lose in the YAML.
    if (reserved.includes(variable))
      throw new Error(`${where}: deployment.environment must not set ${variable}, which the service always gets`);
  }
  return { events, environment: { ...environment } };
}

// Found by walking up, so that the same code reads it from src/ (tests), dist/ (npm start) and /app (images).
function registryFile(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const file = join(dir, REGISTRY_FILE);
    if (existsSync(file)) return file;
    if (dirname(dir) === dir) throw new Error(`${REGISTRY_FILE} not found above ${__dirname}`);
  }
}
