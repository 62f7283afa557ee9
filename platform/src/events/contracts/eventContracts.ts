import type { BusEvent } from '../bus';
import type { BreachEventType, BreachPayload } from './breach';
import type { OperationEventPayload, OperationEventType } from './command';
import type { DirectoryEventPayload, DirectoryEventType } from './directory';
import { ASSIGNMENT_EVENT_NAMES, type AssignmentEventPayload, type AssignmentEventType } from './dispatch';
import type { StationEventType, StationHoursReported } from './environment';
import type { ApiKeyEventType, ApiKeyIssued, PartnerChanged, PartnerEventType } from './partners';
import {
  ALERT_EVENT_NAMES,
  INCIDENT_EVENT_NAMES,
  PUBLIC_WARNING_EVENT_NAMES,
  type AlertEventPayload,
  type AlertEventType,
  type IncidentEventPayload,
  type IncidentEventType,
  type PublicWarningEventPayload,
  type PublicWarningEventType,
} from './incidents';

type Each<Type extends string, Payload> = { [K in Type]: Payload };

/**
 * Every event type on the bus and the payload it carries. Emitters and readers both compile against
 * it: `emitEvent` refuses a type not listed here or a payload that does not fit its type, and readers
 * narrow a bus event to its contract with the guards below instead of reading keys by name.
 * A sector's breach events match by pattern (`<sector>.breachOpened`…), so a new sector needs no entry.
 */
export type EventContracts = Each<AlertEventType, AlertEventPayload> &
  Each<IncidentEventType, IncidentEventPayload> &
  Each<PublicWarningEventType, PublicWarningEventPayload> &
  Each<AssignmentEventType, AssignmentEventPayload> &
  Each<OperationEventType, OperationEventPayload> &
  Each<DirectoryEventType, DirectoryEventPayload> &
  Each<BreachEventType, BreachPayload> &
  Each<PartnerEventType, PartnerChanged> &
  // ApiKeyRevoked is the same shape as ApiKeyIssued.
  Each<ApiKeyEventType, ApiKeyIssued> &
  Each<StationEventType, StationHoursReported>;

/** A type of event that some subgraph emits. */
export type EventType = keyof EventContracts & string;

/** The payload of an event of type `T`. */
export type EventPayload<T extends EventType> = EventContracts[T];

/**
 * A bus event read through its contract: for each type in `T`, its payload's interface, so that
 * checking `event.type` narrows `event.payload`.
 */
export type BusEventOf<T extends EventType = EventType> = T extends unknown
  ? Omit<BusEvent, 'type' | 'payload'> & { type: T; payload: EventPayload<T> }
  : never;

/** The full type names of a family, e.g. `alert.received` from `received`. */
const named = <Prefix extends string, Name extends string>(prefix: Prefix, names: readonly Name[]) =>
  names.map((name) => `${prefix}.${name}` as `${Prefix}.${Name}`);

export const ALERT_EVENT_TYPES: readonly AlertEventType[] = named('alert', ALERT_EVENT_NAMES);
export const INCIDENT_EVENT_TYPES: readonly IncidentEventType[] = named('incident', INCIDENT_EVENT_NAMES);
export const PUBLIC_WARNING_EVENT_TYPES: readonly PublicWarningEventType[] = named('publicWarning', PUBLIC_WARNING_EVENT_NAMES);
export const ASSIGNMENT_EVENT_TYPES: readonly AssignmentEventType[] = named('assignment', ASSIGNMENT_EVENT_NAMES);
export { OPERATION_EVENT_TYPES } from './command';

/**
 * Whether a bus event is one of `types`, narrowing it to their contracts. Only the type is checked:
 * the producers in this repository compile against the same contracts.
 */
export function isEventOf<T extends EventType>(event: BusEvent, types: readonly T[]): event is BusEventOf<T> {
  return (types as readonly string[]).includes(event.type);
}
