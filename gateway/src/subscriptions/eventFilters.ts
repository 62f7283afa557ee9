import {
  ALERT_EVENT_TYPES,
  ASSIGNMENT_EVENT_TYPES,
  INCIDENT_EVENT_TYPES,
  isEventOf,
  OPERATION_EVENT_TYPES,
  type BusEvent,
  type Identity,
} from '@ioc-graph/platform';

/**
 * What the subscriptions read of an event's payload, through its contract (platform/src/events/
 * contracts): a producer that renames or drops a key breaks the build here instead of silently
 * matching nothing. Filter arguments arrive as GraphQL input objects, hence `Record<string, unknown>`.
 */
export type Filter = Record<string, unknown> | null | undefined;

const has = (list: unknown, value: unknown) => !Array.isArray(list) || list.length === 0 || list.includes(value);
const within = (unitId: unknown, lineage: string[]) => !unitId || lineage.includes(String(unitId).toLowerCase());
const same = (id: unknown, value: string | null) => !id || String(id).toLowerCase() === value;

/** An alert event inside the `AlertEventFilter`. */
export function matchesAlert(event: BusEvent, filter: Filter): boolean {
  if (!isEventOf(event, ALERT_EVENT_TYPES)) return false;
  const p = event.payload;
  return (
    has(filter?.types, event.type) &&
    has(filter?.sectors, p.sector) &&
    has(filter?.severities, p.severity) &&
    has(filter?.categoryIds, p.categoryId) &&
    within(filter?.withinUnitId, p.unitLineage)
  );
}

/** An incident event inside the `IncidentEventFilter`. */
export function matchesIncident(event: BusEvent, filter: Filter): boolean {
  if (!isEventOf(event, INCIDENT_EVENT_TYPES)) return false;
  const p = event.payload;
  return (
    same(filter?.incidentId, event.entityKey) &&
    same(filter?.agencyId, p.agencyId) &&
    has(filter?.types, event.type) &&
    has(filter?.sectors, p.sector) &&
    has(filter?.processes, p.process) &&
    has(filter?.severities, p.severity) &&
    within(filter?.withinUnitId, p.unitLineage)
  );
}

/** An incident event about an incident assigned to the caller's agency, or addressed to its field unit. */
export function isMyAssignment(event: BusEvent, identity: Identity): boolean {
  if (!isEventOf(event, INCIDENT_EVENT_TYPES)) return false;
  return (
    (identity.agencyId !== null && event.payload.agencyId === identity.agencyId) ||
    (identity.fieldUnitId !== null && event.audience.fieldUnitIds.includes(identity.fieldUnitId))
  );
}

/** An assignment event inside the `AssignmentEventFilter`. */
export function matchesAssignment(event: BusEvent, filter: Filter): boolean {
  if (!isEventOf(event, ASSIGNMENT_EVENT_TYPES)) return false;
  const p = event.payload;
  return (
    same(filter?.fieldUnitId, p.fieldUnitId) &&
    same(filter?.agencyId, p.agencyId) &&
    same(filter?.incidentId, p.incidentId) &&
    has(filter?.types, event.type)
  );
}

/** An operation's step inside the `OperationEventFilter`. */
export function matchesOperation(event: BusEvent, filter: Filter): boolean {
  if (!isEventOf(event, OPERATION_EVENT_TYPES)) return false;
  return same(filter?.operationId, event.entityKey) && same(filter?.incidentId, event.payload.incidentId) && has(filter?.types, event.type);
}

/** A publication the public may see. */
export const isPublication = (event: BusEvent): boolean => isEventOf(event, ['incident.published']) && event.audience.public;

/** The id of the entity an event's subscribers read: the event's own, or the publication an incident's names. */
export function entityId(event: BusEvent, idFrom: 'entityKey' | 'publicationId'): string | null {
  if (idFrom === 'entityKey') return event.entityKey;
  return isEventOf(event, INCIDENT_EVENT_TYPES) ? event.payload.publicationId : null;
}

/** The step an incident's or an operation's event reports; other events report none. */
export function stepOf(event: BusEvent): { action: string; fromState: string | null; toState: string | null } | null {
  return isEventOf(event, INCIDENT_EVENT_TYPES) || isEventOf(event, OPERATION_EVENT_TYPES) ? event.payload : null;
}

/** The unit's status after an assignment's step. */
export const unitStatusOf = (event: BusEvent): string | null =>
  isEventOf(event, ASSIGNMENT_EVENT_TYPES) ? event.payload.unitStatus : null;
