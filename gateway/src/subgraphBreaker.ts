import type { Logger } from '@ioc-graph/platform';
import CircuitBreaker from 'opossum';
import { Gauge, type Registry } from 'prom-client';
import { failureOf } from './subgraphErrors';

/** A subgraph's circuit: `closed` (requests go out), `open` (they fail at once), `halfOpen` (one probe goes out). */
export type CircuitState = 'closed' | 'open' | 'halfOpen';

/** The circuit breaker of one subgraph's requests. */
export interface SubgraphBreaker {
  /** Runs `request` unless the circuit is open (then rejects at once with code `EOPENBREAKER`), counting how it ends. */
  run<T>(request: () => Promise<T>): Promise<T>;
  readonly state: CircuitState;
}

/** Options of {@link createSubgraphBreakers}. */
export interface SubgraphBreakersOptions {
  /** How long (ms) an open circuit fails requests at once before it lets one probe through (SUBGRAPH_BREAKER_RESET_MS). */
  resetMs: number;
  logger: Logger;
  /** Where the `subgraph_circuit_state` gauge is registered. */
  registry: Registry;
}

/**
 * A circuit opens when, within the last 10 s, at least 3 requests were made to the subgraph and more than
 * half of them failed: a subgraph that keeps failing is not waited on by every query that touches it.
 */
const WINDOW_MS = 10_000;
const MIN_REQUESTS = 3;
const FAILED_PERCENT = 50;
const GAUGE_VALUE: Record<CircuitState, number> = { closed: 0, halfOpen: 1, open: 2 };

/**
 * One opossum circuit breaker per subgraph, shared by every request to it. Only the subgraph's own
 * failures count (timeouts, refused or dropped connections, 5xx answers: see failureOf); an answer with
 * GraphQL errors, or a 4xx, is an answer. Opossum's own timeout is off: each request has its deadline
 * (SUBGRAPH_TIMEOUT_MS, withDeadline), which aborts the socket as well. State changes are logged once
 * each way (a warning when a closed circuit opens, info when it closes again; a failed probe that
 * reopens it is not news) and exposed as the gauge `subgraph_circuit_state{subgraph}`.
 */
export function createSubgraphBreakers(options: SubgraphBreakersOptions) {
  const gauge = new Gauge({
    name: 'subgraph_circuit_state',
    help: 'Circuit breaker of each subgraph: 0 closed, 1 half-open (one probe goes out), 2 open (requests fail at once)',
    labelNames: ['subgraph'],
    registers: [options.registry],
  });
  const breakers = new Map<string, SubgraphBreaker & { shutdown(): void }>();

  const create = (subgraph: string) => {
    const circuit = new CircuitBreaker((request: () => Promise<unknown>) => request(), {
      name: subgraph,
      timeout: false,
      resetTimeout: options.resetMs,
      rollingCountTimeout: WINDOW_MS,
      volumeThreshold: MIN_REQUESTS,
      errorThresholdPercentage: FAILED_PERCENT,
      // Filtered errors count as successes: the subgraph answered.
      errorFilter: (error: unknown) => failureOf(error) === undefined,
      rollingPercentilesEnabled: false,
      enableSnapshots: false,
    });
    const log = options.logger.child({ subgraph });
    let announced: CircuitState = 'closed';
    const track = (state: CircuitState) => () => {
      gauge.set({ subgraph }, GAUGE_VALUE[state]);
      if (state === 'open' && announced === 'closed') {
        log.warn({ resetMs: options.resetMs }, 'subgraph keeps failing: its circuit breaker is open, requests to it fail at once');
      } else if (state === 'closed' && announced !== 'closed') {
        log.info('subgraph answers again: its circuit breaker is closed');
      } else {
        log.debug({ state }, 'subgraph circuit breaker state');
      }
      if (state !== 'halfOpen') announced = state;
    };
    circuit.on('open', track('open'));
    circuit.on('halfOpen', track('halfOpen'));
    circuit.on('close', track('closed'));
    gauge.set({ subgraph }, GAUGE_VALUE.closed);
    return {
      run: <T>(request: () => Promise<T>) => circuit.fire(request) as Promise<T>,
      get state(): CircuitState {
        return circuit.opened ? 'open' : circuit.halfOpen ? 'halfOpen' : 'closed';
      },
      shutdown: () => circuit.shutdown(),
    };
  };

  return {
    /** The breaker of `subgraph`, made on first use. */
    of(subgraph: string): SubgraphBreaker {
      let breaker = breakers.get(subgraph);
      if (!breaker) breakers.set(subgraph, (breaker = create(subgraph)));
      return breaker;
    },
    /** Stops every breaker's timers. */
    shutdown() {
      for (const breaker of breakers.values()) breaker.shutdown();
    },
  };
}
export type SubgraphBreakers = ReturnType<typeof createSubgraphBreakers>;
