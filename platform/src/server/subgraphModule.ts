import type { Clock } from '../clock';
import { envReader, type EnvReader } from '../config';
import type { EventBus } from '../events';
import type { Logger } from '../logging';
import type { SubgraphServer } from './createSubgraphServer';
import { subgraphRegistry, urlVariable, type SubgraphEntry } from './registry';

/**
 * What the host of a subgraph (its own process, the launcher, the test hub) may hand to its
 * `createServer`. Every field is optional; a subgraph ignores those it has no use for.
 */
export interface SubgraphDependencies {
  /** Where it logs. @default createLogger(<name>, config.logLevel) */
  logger?: Logger;
  /** Called with every SQL statement it sends (tests count statements). @default none */
  onQuery?: (sql: string) => void;
  /** The time source of its timestamps, deadlines and follow-up; tests pass a ManualClock. @default systemClock */
  clock?: Clock;
  /**
   * The event bus its outbox is relayed to (and, for incidents, sectors' breaches are read from).
   * @default made from `config.eventBus`, and closed again by `stop()`; a bus given here is left open.
   */
  bus?: EventBus;
}

/** The config every subgraph reads: where it listens. */
export interface SubgraphConfigBase {
  host: string;
  port: number;
}

/** The main module (`src/server.ts`) of a subgraph: the same two exports in every one. */
export interface SubgraphModule<C extends SubgraphConfigBase = SubgraphConfigBase, S extends SubgraphServer = SubgraphServer> {
  /** Reads and validates its settings; throws a ConfigError naming the variable. */
  readConfig(env?: EnvReader): C;
  /** Builds it on a database (migrated, seeded) without listening; no side effects at import. */
  createServer(config: C, databaseUrl: string, deps?: SubgraphDependencies): Promise<S>;
}

/** A subgraph started by {@link startSubgraphs}. */
export interface StartedSubgraph<S extends SubgraphServer = SubgraphServer> {
  entry: SubgraphEntry;
  server: S;
  /** Its GraphQL endpoint, as it listens. */
  url: string;
}

export interface StartSubgraphsOptions {
  databaseUrl: string;
  /** The variables each subgraph reads its config from; PORT and its dependencies' `<DEP>_URL` are set on top. */
  env: Record<string, string | undefined>;
  /** The port each subgraph listens on (0 picks a free one). */
  port(entry: SubgraphEntry): number;
  /** What each subgraph is given. @default {} */
  dependencies?(entry: SubgraphEntry): SubgraphDependencies;
  /** Called with each server as soon as it is built, before it listens: register its `stop()` here. */
  onCreated?(server: SubgraphServer, entry: SubgraphEntry): void;
  /** Loads a subgraph's main module. @default require(entry.package) */
  load?(entry: SubgraphEntry): SubgraphModule;
}

/**
 * Builds and starts every subgraph of the registry on one database, each as soon as the subgraphs it
 * depends on listen (those with nothing left to wait for start together: a subgraph's boot is mostly
 * waiting on PostgreSQL), each told the URLs its dependencies really listen on. Answers them in
 * registry order. When one fails, the others are let finish first, so that every server built has
 * been handed to `onCreated`; what started is then the caller's to stop, and the first failure is
 * thrown.
 */
export async function startSubgraphs(options: StartSubgraphsOptions): Promise<Record<string, StartedSubgraph>> {
  const registry = subgraphRegistry();
  const starting = new Map<string, Promise<StartedSubgraph>>();
  const start = (entry: SubgraphEntry): Promise<StartedSubgraph> => {
    let started = starting.get(entry.name);
    if (!started) {
      started = (async () => {
        const dependencies = await Promise.all(entry.dependencies.map((name) => start(registry.find((e) => e.name === name)!)));
        const module = (options.load ?? loadSubgraphModule)(entry);
        const urls = Object.fromEntries(dependencies.map((dependency) => [urlVariable(dependency.entry.name), dependency.url]));
        const config = module.readConfig(envReader({ ...options.env, PORT: String(options.port(entry)), ...urls }));
        const server = await module.createServer(config, options.databaseUrl, options.dependencies?.(entry) ?? {});
        options.onCreated?.(server, entry);
        return { entry, server, url: await server.listen(config.port, config.host) };
      })();
      starting.set(entry.name, started);
    }
    return started;
  };
  const outcomes = await Promise.allSettled(registry.map(start));
  const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return Object.fromEntries(outcomes.map((outcome, i) => [registry[i]!.name, (outcome as PromiseFulfilledResult<StartedSubgraph>).value]));
}

/** A subgraph's main module, checked for the two exports every subgraph has. */
export function loadSubgraphModule(entry: SubgraphEntry): SubgraphModule {
  // By package name at run time, so that the hosts need no import per subgraph: the registry is the list.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require(entry.package) as Partial<SubgraphModule>;
  if (typeof module.readConfig !== 'function' || typeof module.createServer !== 'function') {
    throw new Error(`${entry.package} (subgraph ${entry.name}) must export readConfig and createServer from its main module`);
  }
  return module as SubgraphModule;
}
