import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from '../auth';
import type { BreachPayload, BreachStep } from '../events/contracts/breach';
import { emitEvent } from '../events/outboxEvent';
import { breachChange, closeBreach, extendBreach, openedBreach, type BreachState, type Verdict } from './judge';

/** The payload of a breach's event at a step, or null when its rule raises no alert (no event is written). */
/** Where a breach is: its subject (a station, a camera, a commune…) by id, code and name, its unit with its lineage, and its position when known. */
export interface BreachPlace {
  id: string;
  code: string;
  nameVi: string;
  unitId: string;
  unitLineage: string[];
  latitude: number | null;
  longitude: number | null;
}

/** The fields of a breach's payload that say where it is: its unit, lineage, position and place name. */
export const breachPlaceFields = (
  place: BreachPlace,
): Pick<BreachPayload, 'unitId' | 'unitLineage' | 'latitude' | 'longitude' | 'place'> => ({
  unitId: place.unitId,
  unitLineage: place.unitLineage,
  latitude: place.latitude,
  longitude: place.longitude,
  place: place.nameVi,
});

export type DescribeBreach<B> = (breach: B, step: BreachStep) => BreachPayload | null;

/** Who writes the breaches of one evaluation, and when. */
export interface BreachBookOptions {
  /** The sector, prefix of the event types: `<sector>.breachOpened`… */
  sector: string;
  /** Who the events name (the ingesting platform, or the sector's service identity). */
  actor: Identity;
  /** The time of the evaluation, from the caller's clock: `endedAt` of closed breaches and the events' time. */
  now: Date;
}

/**
 * The breach lifecycle of one evaluation, inside the caller's transaction (docs/sector-pattern.md):
 * a verdict opens a breach (`<sector>.breachOpened`), extends it (lastSeenAt, peak; no event), worsens
 * it (`.breachUpdated`, when its severity rises) or closes it (`.breachClosed`), each event in the outbox
 * with the change. A close reaches the database before the next opening (one flush, only when needed),
 * so that a subject's new breach never meets its old one in the partial unique index.
 */
export class BreachBook<B extends BreachState & { id: string }> {
  private closesPending = false;

  constructor(
    private readonly tx: EntityManager,
    private readonly options: BreachBookOptions,
  ) {}

  /**
   * Applies a verdict to the breach open for a rule and subject (undefined: none). `create` makes (and
   * persists, `em.create`) the sector's breach from the opening fields; `describe` gives the events'
   * payloads. Answers the breach open afterwards, or undefined.
   */
  async apply(
    open: B | undefined,
    verdict: Verdict,
    how: { create: (fields: BreachState) => B; describe: DescribeBreach<B> },
  ): Promise<B | undefined> {
    const change = breachChange(open, verdict);
    if (verdict.state === 'met' && change === 'open') return this.open(() => how.create(openedBreach(verdict)), how.describe);
    if (verdict.state === 'met' && open) {
      extendBreach(open, verdict);
      if (change === 'worsen') await this.emit('breachUpdated', open, how.describe);
      return open;
    }
    if (verdict.state === 'clear' && open) {
      await this.close(open, how.describe, verdict);
      return undefined;
    }
    return open;
  }

  /** Opens a breach made by `create` (after any pending close is flushed) and announces it. */
  async open(create: () => B, describe: DescribeBreach<B>): Promise<B> {
    if (this.closesPending) {
      await this.tx.flush();
      this.closesPending = false;
    }
    const breach = create();
    await this.emit('breachOpened', breach, describe);
    return breach;
  }

  /** Closes an open breach now (with the verdict's final measure) and announces it. */
  async close(breach: B, describe: DescribeBreach<B>, verdict: Extract<Verdict, { state: 'clear' }> = { state: 'clear' }): Promise<void> {
    closeBreach(breach, this.options.now, verdict);
    this.closesPending = true;
    await this.emit('breachClosed', breach, describe);
  }

  private async emit(step: BreachStep, breach: B, describe: DescribeBreach<B>): Promise<void> {
    const payload = describe(breach, step);
    if (!payload) return;
    await emitEvent(this.tx, this.options.actor, this.options.now, {
      type: `${this.options.sector}.${step}`,
      entityType: 'Breach',
      entityKey: breach.id,
      payload: { ...payload },
    });
  }
}
