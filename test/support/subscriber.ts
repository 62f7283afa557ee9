import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * A real graphql-ws client on one subscription, collecting what it receives: results, the error that
 * ended it, and the close code of its socket.
 */
export class Subscriber<T, V extends Record<string, unknown> = Record<string, unknown>> {
  readonly results: { data?: T | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }[] = [];
  error: unknown = null;
  completed = false;
  closeCode: number | null = null;
  private readonly client: Client;
  private readonly unsubscribe: () => void;
  private readonly listeners = new Set<() => void>();

  constructor(gatewayUrl: string, document: TypedDocumentNode<T, V>, variables: V, token?: string) {
    this.client = createClient({
      url: gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
      lazy: false,
      // A socket closed by the server (a restart, an expired token) is what some tests wait for.
      onNonLazyError: () => undefined,
      on: {
        closed: (event) => {
          this.closeCode = (event as { code?: number }).code ?? null;
          this.notify();
        },
      },
    });
    this.unsubscribe = this.client.subscribe<T>(
      { query: print(document), variables },
      {
        next: (result) => {
          this.results.push(result);
          this.notify();
        },
        error: (error) => {
          this.error = error;
          this.notify();
        },
        complete: () => {
          this.completed = true;
          this.notify();
        },
      },
    );
  }

  /** The data of every result received so far. */
  get data(): T[] {
    return this.results.map((r) => r.data!).filter(Boolean);
  }

  private notify() {
    for (const listener of [...this.listeners]) listener();
  }

  /** Resolves when `condition` holds; rejects after `timeoutMs` (sized for a busy machine) with what was received. */
  until(condition: (s: this) => boolean, timeoutMs = 60_000): Promise<void> {
    if (condition(this)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(
          new Error(`timed out; received ${this.results.length} results, error ${JSON.stringify(this.error)}, close ${this.closeCode}`),
        );
      }, timeoutMs);
      const check = () => {
        if (!condition(this)) return;
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve();
      };
      this.listeners.add(check);
    });
  }

  async stop(): Promise<void> {
    this.unsubscribe();
    await this.client.dispose();
  }
}
