import { SEVERITY_ORDER, type Severity } from '../../vocabulary';

/**
 * The breach events every sector subgraph emits (docs/sector-pattern.md), declared once: the sector
 * that emits them (environment, traffic and the sectors to come) and the incidents subgraph that turns
 * them into alerts both compile against this contract.
 */

/** The steps of a breach's life: `<sector>.breachOpened`, `.breachUpdated`, `.breachClosed`. */
export type BreachStep = 'breachOpened' | 'breachUpdated' | 'breachClosed';

/** The event type of a breach step in a sector: `environment.breachOpened`, `traffic.breachClosed`… */
export type BreachEventType<Sector extends string = string> = `${Sector}.${BreachStep}`;

/** Whether a breach is real or part of a drill (the alert's CAP status, narrowed). */
export type BreachStatus = 'ACTUAL' | 'EXERCISE';

/**
 * What a sector puts in the payload of its breach events: enough for an alert. The event's source is
 * the source system, its entity key (the breach) the source reference.
 */
export type BreachPayload = {
  /** The incident category (directory of categories in incidents) the alert is filed under. */
  categoryCode: string;
  /** The breach's severity now; defaults to the category's default severity. */
  severity?: Severity | null;
  /** One line for the alert; cut to 300 characters by the consumer. */
  headline: string;
  description?: string | null;
  /** The administrative unit where the breach is, and its ancestors (for scoped reads). */
  unitId?: string | null;
  unitLineage?: string[] | null;
  latitude?: number | null;
  longitude?: number | null;
  /** The place's name, for people. */
  place?: string | null;
  /**
   * The agency (directory id) competent for the breach, when the sector knows it (e-government: the
   * agency whose dossiers are overdue): the alert names it, so that it is routed to that agency.
   */
  agencyId?: string | null;
  /** ISO 8601 time the breach began (not the time the event was written). */
  startedAt: string;
  /** @default 'ACTUAL' */
  status?: BreachStatus | null;
  /** URLs of images or documents that show the breach. */
  evidence?: string[] | null;
};

const BREACH_TYPE = /^[A-Za-z][\w-]*\.(breachOpened|breachUpdated|breachClosed)$/;

/** The breach step an event type names, or undefined when it is not a breach event. */
export function breachStepOf(type: string): BreachStep | undefined {
  return BREACH_TYPE.exec(type)?.[1] as BreachStep | undefined;
}

/** Whether a type names a breach event of some sector. */
export const isBreachEventType = (type: string): type is BreachEventType => breachStepOf(type) !== undefined;

const absentOr = (value: unknown, check: (value: unknown) => boolean) => value === undefined || value === null || check(value);
const isString = (value: unknown) => typeof value === 'string';
const isNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
const isStrings = (value: unknown) => Array.isArray(value) && value.every(isString);

/**
 * Whether a payload read off the bus keeps the breach contract. Sectors may be deployed apart from the
 * incidents subgraph (or be written elsewhere), so their consumer checks what the compiler cannot: a
 * payload that fails is skipped and logged rather than failing the consumer's whole batch.
 */
export function isBreachPayload(payload: unknown): payload is BreachPayload {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return false;
  const p = payload as Record<string, unknown>;
  return (
    typeof p.categoryCode === 'string' &&
    p.categoryCode.length > 0 &&
    typeof p.headline === 'string' &&
    typeof p.startedAt === 'string' &&
    !Number.isNaN(Date.parse(p.startedAt)) &&
    absentOr(p.severity, (v) => SEVERITY_ORDER.includes(v as Severity)) &&
    absentOr(p.status, (v) => v === 'ACTUAL' || v === 'EXERCISE') &&
    absentOr(p.description, isString) &&
    absentOr(p.unitId, isString) &&
    absentOr(p.unitLineage, isStrings) &&
    absentOr(p.latitude, isNumber) &&
    absentOr(p.longitude, isNumber) &&
    absentOr(p.place, isString) &&
    absentOr(p.agencyId, isString) &&
    absentOr(p.evidence, isStrings)
  );
}
