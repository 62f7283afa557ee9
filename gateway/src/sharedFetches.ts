import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Identity } from '@ioc-graph/platform';
import { OperationTypeNode, type DocumentNode } from 'graphql';
import type { GatewayContext } from './context';
import { isQueryOperation } from './subgraphFetch';

/**
 * Whose answer a subgraph request gets: the caller's person and rights (subject, roles, agency, field
 * unit, scope). Two requests share an answer only when all of these are equal, so that no rule of a
 * subgraph (an agency's own incidents, a person's own contact) can ever hand one caller's data to
 * another. The client's address is left out: the public share answers; only mutations read it.
 */
export function rightsKey(identity: Identity): string {
  return JSON.stringify([identity.subject, [...identity.roles].sort(), identity.agencyId, identity.fieldUnitId, identity.scopeUnitId]);
}

/** Whether a subgraph request only reads: a query, decided from the plan's document when it comes with one. */
function readsOnly(options: GraphQLDataSourceProcessOptions<GatewayContext>): boolean {
  const document = 'document' in options ? (options.document as DocumentNode | undefined) : undefined;
  const operations = document?.definitions.filter((d) => d.kind === 'OperationDefinition') ?? [];
  if (operations.length === 1 && 'operation' in operations[0]) return operations[0].operation === OperationTypeNode.QUERY;
  return isQueryOperation(options.request.query, options.request.operationName);
}

/** A request others may join: its answer, how many joined, and the copy they get (taken only if any did). */
interface InFlight<R> {
  answer: Promise<R>;
  waiters: number;
  copy?: string;
}

/**
 * Identical subgraph queries in flight at once share one request: the wall screens, the portal and
 * partners send the same operations over and over, and each becomes the same subgraph fetches. Keyed
 * on the request (query, operation, variables) and the caller's {@link rightsKey}; a mutation, and any
 * request without a caller, goes out on its own. The first caller gets the answer as it came; each
 * other gets a copy of it, taken before anyone reads it (the gateway merges answers into its results).
 * A failure reaches every caller that shared the request.
 */
export class SharedFetches<R> {
  private readonly inFlight = new Map<string, InFlight<R>>();

  /**
   * @param onShared called when a request joins one in flight
   * @param detach what of an answer the others get a copy of (the first caller keeps what only it may
   *   read, such as the HTTP response it came in)
   */
  constructor(
    private readonly onShared: () => void = () => undefined,
    private readonly detach: (answer: R) => unknown = (answer) => answer,
  ) {}

  run(options: GraphQLDataSourceProcessOptions<GatewayContext>, send: () => Promise<R>): Promise<R> {
    const identity = 'identity' in options.context ? options.context.identity : undefined;
    if (!identity || !readsOnly(options)) return send();
    const { query, operationName, variables } = options.request;
    const key = JSON.stringify([rightsKey(identity), operationName ?? null, query, variables ?? null]);
    const shared = this.inFlight.get(key);
    if (shared) {
      shared.waiters++;
      this.onShared();
      return shared.answer.then(() => JSON.parse(shared.copy!) as R);
    }
    const entry: InFlight<R> = {
      waiters: 0,
      answer: send().then(
        (answer) => {
          this.inFlight.delete(key);
          // Runs before any caller resumes: the copy is of the answer as the subgraph gave it.
          if (entry.waiters) entry.copy = JSON.stringify(this.detach(answer));
          return answer;
        },
        (error: unknown) => {
          this.inFlight.delete(key);
          throw error;
        },
      ),
    };
    this.inFlight.set(key, entry);
    return entry.answer;
  }

  /** Requests in flight that others may join (for tests). */
  get size(): number {
    return this.inFlight.size;
  }
}
