import { localDate, type Logger, type SubgraphClient } from '@ioc-graph/platform';
import { Counter, type Registry } from 'prom-client';
import type { ApiKeyGrant } from './apiKeys';

/** What one request of a key used: refused ones count as requests and as refused. */
export interface KeyUse {
  rows: number;
  bytes: number;
  refused: boolean;
}

interface DayTotals {
  keyId: string;
  day: string;
  requests: number;
  rows: number;
  bytes: number;
  refused: number;
}

const RECORD = `mutation RecordApiKeyUsage($entries: [ApiKeyUsageInput!]!) { recordApiKeyUsage(entries: $entries) }`;
const BATCH = 1000;

/**
 * Counts each API key's use (requests, records, bytes, refusals) in `/metrics` at once, and adds it to the
 * key's daily usage in the partners subgraph every `flushMs`, where operators read it. A flush that fails
 * keeps its totals for the next one: usage is late, never lost (unless the process dies in between).
 */
export class KeyUsage {
  private pending = new Map<string, DayTotals>();
  private readonly timer: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();
  private readonly counters: Record<'requests' | 'rows' | 'bytes' | 'refused', Counter<'key_id' | 'partner_id'>>;

  /** `client`: the partners subgraph, asked as the gateway's service identity; undefined without it (usage is then in /metrics only). */
  constructor(private readonly options: { client: SubgraphClient | undefined; flushMs: number; logger: Logger; registry: Registry }) {
    const counter = (name: string, help: string) =>
      new Counter({ name: `api_key_${name}_total`, help, labelNames: ['key_id', 'partner_id'], registers: [options.registry] });
    this.counters = {
      requests: counter('requests', 'Requests made with each partner API key, refused ones included'),
      rows: counter('rows', 'Records delivered to each partner API key by the open-data endpoints'),
      bytes: counter('bytes', 'Response bytes sent to each partner API key'),
      refused: counter('refused', 'Requests of each partner API key refused because its quota was spent'),
    };
    this.timer = setInterval(() => void this.flush(), options.flushMs);
    this.timer.unref();
  }

  record(grant: ApiKeyGrant, use: KeyUse, now = new Date()): void {
    const labels = { key_id: grant.id, partner_id: grant.partnerId };
    this.counters.requests.inc(labels);
    if (use.rows) this.counters.rows.inc(labels, use.rows);
    if (use.bytes) this.counters.bytes.inc(labels, use.bytes);
    if (use.refused) this.counters.refused.inc(labels);
    const day = localDate(now);
    const key = `${grant.id}|${day}`;
    const totals = this.pending.get(key) ?? { keyId: grant.id, day, requests: 0, rows: 0, bytes: 0, refused: 0 };
    totals.requests += 1;
    totals.rows += use.rows;
    totals.bytes += use.bytes;
    totals.refused += use.refused ? 1 : 0;
    this.pending.set(key, totals);
  }

  /** Sends what was counted since the last flush; resolves when it is stored or kept for the next one. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.send());
    return this.flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private async send(): Promise<void> {
    const { client } = this.options;
    if (!client || this.pending.size === 0) return;
    const entries = [...this.pending.values()];
    this.pending = new Map();
    for (let i = 0; i < entries.length; i += BATCH) {
      const batch = entries.slice(i, i + BATCH);
      try {
        await client.request(RECORD, { entries: batch });
      } catch (error) {
        this.options.logger.warn({ err: error, entries: entries.length - i }, 'API key usage not stored yet; kept for the next flush');
        for (const totals of entries.slice(i)) this.keepAgain(totals);
        return;
      }
    }
  }

  private keepAgain(totals: DayTotals) {
    const key = `${totals.keyId}|${totals.day}`;
    const newer = this.pending.get(key);
    if (newer) for (const field of ['requests', 'rows', 'bytes', 'refused'] as const) newer[field] += totals[field];
    else this.pending.set(key, totals);
  }
}
