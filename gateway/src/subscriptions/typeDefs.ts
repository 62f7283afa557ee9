/**
 * The subscriptions of the unified schema. The gateway serves them itself over graphql-ws (Apollo's
 * gateway does not federate subscriptions); `npm run compose` adds them to schema/api.graphql, so
 * clients and codegen see them like any other field. An event's entity may be selected with fields
 * of any subgraph: the gateway resolves them through the federated graph for each event.
 */
export const subscriptionTypeDefs = /* GraphQL */ `
  extend schema {
    subscription: Subscription
  }

  """
  Live events. Every event carries its cursor: pass it back as \`after\` to resume, receiving first what
  was missed, then live events, without gap or repeat. A subscriber that falls too far behind is ended
  with the error SUBSCRIBER_OVERFLOW (extensions.cursor says where to resume).
  """
  type Subscription {
    "Alerts as the center receives them and acts on them (leaders and operators)"
    alertReceived(
      "Which alerts; all when omitted"
      filter: AlertEventFilter
      "Cursor of the last event received: replay what followed it, then go live; omit to start live"
      after: String
    ): AlertEvent!
    "Changes of incidents the caller may read: the center all, an agency's staff and field officers their agency's (staff roles only; not partners or systems)"
    incidentChanged(
      "Which incidents; all the caller may read when omitted"
      filter: IncidentEventFilter
      "Cursor of the last event received: replay what followed it, then go live; omit to start live"
      after: String
    ): IncidentEvent!
    "Changes of the incidents assigned to the caller's agency or addressed to their field unit (agency staff and field officers)"
    myAssignments(
      "Cursor of the last event received: replay what followed it, then go live; omit to start live"
      after: String
    ): IncidentEvent!
    "Results as they are published (everyone)"
    publicIncidentPublished(
      "Cursor of the last event received: replay what followed it, then go live; omit to start live"
      after: String
    ): PublicIncidentEvent!
    "Dispatches and the steps of field units on them: the center, the unit's agency, the unit's crew (staff roles only)"
    assignmentChanged(
      "Which assignments; all the caller may read when omitted"
      filter: AssignmentEventFilter
      "Cursor of the last event received: replay what followed it, then go live; omit to start live"
      after: String
    ): AssignmentEvent!
    "Every step of emergency operations: the center, and the agencies taking part (staff roles only)"
    operationChanged(
      "Which operations; all the caller takes part in when omitted"
      filter: OperationEventFilter
      "Cursor of the last event received: replay what followed it, then go live; omit to start live"
      after: String
    ): OperationEvent!
  }

  "Which operation events to receive; all given conditions must hold"
  input OperationEventFilter {
    "Only events of this operation"
    operationId: ID
    "Only events of operations for this incident"
    incidentId: ID
    "Event types, e.g. operation.activated, directive.issued, task.done, operation.stoodDown"
    types: [String!]
  }

  "A step of an emergency operation, its tasks, directives, resources or situation reports"
  type OperationEvent {
    "Where this event stands in the stream: pass it as after to resume after it"
    cursor: String!
    "Event type, e.g. operation.activated, task.done, directive.acknowledged"
    type: String!
    "When it happened (UTC)"
    occurredAt: DateTimeISO!
    "Account (token subject) that caused it; scheduler for follow-up timers, public for a caller without a token"
    actor: String!
    "The step, e.g. activateOperation, issueDirective, acknowledgeDirective, standDownOperation"
    action: String!
    "State of the step’s subject (operation, task, directive or resource) before the step; null when it has none"
    fromState: String
    "State of the step’s subject after the step; null when it has none"
    toState: String
    "The operation as it is now, read through the graph with the subscriber’s identity"
    operation: Operation
  }

  "Which assignment events to receive; all given conditions must hold"
  input AssignmentEventFilter {
    "Only events of this field unit"
    fieldUnitId: ID
    "Only events of this agency’s units"
    agencyId: ID
    "Only events of assignments to this incident"
    incidentId: ID
    "Event types, e.g. assignment.dispatched, assignment.reportOnScene, assignment.clearAssignment"
    types: [String!]
  }

  "A dispatch of a field unit, or a step of its crew"
  type AssignmentEvent {
    "Where this event stands in the stream: pass it as after to resume after it"
    cursor: String!
    "Event type, e.g. assignment.dispatched, assignment.reportOnScene"
    type: String!
    "When it happened (UTC)"
    occurredAt: DateTimeISO!
    "Account (token subject) that caused it; scheduler for follow-up timers, public for a caller without a token"
    actor: String!
    "The unit's status after this step"
    unitStatus: UnitStatus!
    "The assignment as it is now, read through the graph with the subscriber’s identity"
    assignment: Assignment
  }

  "Which alert events to receive; all given conditions must hold"
  input AlertEventFilter {
    "Only alerts of these sectors"
    sectors: [Sector!]
    "Only alerts of these severities"
    severities: [Severity!]
    "Only alerts of these categories"
    categoryIds: [ID!]
    "Alerts in this administrative unit or below it"
    withinUnitId: ID
    "Event types, e.g. alert.received, alert.verified, alert.dismissed, alert.merged"
    types: [String!]
  }

  "Which incident events to receive; all given conditions must hold"
  input IncidentEventFilter {
    "Only events of this incident"
    incidentId: ID
    "Only incidents handled by this agency"
    agencyId: ID
    "Incidents in this administrative unit or below it"
    withinUnitId: ID
    "Only incidents of these sectors"
    sectors: [Sector!]
    "Only incidents handled by these processes"
    processes: [Process!]
    "Only incidents of these severities"
    severities: [Severity!]
    "Event types, e.g. incident.assigned, incident.stateChanged, incident.overdue, incident.published"
    types: [String!]
  }

  "Something that happened to an alert: received, verified, dismissed, merged, or its breach worsened or ended"
  type AlertEvent {
    "Where this event stands in the stream; resume after it"
    cursor: String!
    "Event type, e.g. alert.received, alert.verified"
    type: String!
    "When it happened (UTC)"
    occurredAt: DateTimeISO!
    "The account that caused it"
    actor: String!
    "The alert as it is now, read through the graph with the subscriber’s identity"
    alert: Alert
  }

  "A step of an incident’s process, a follow-up (reminder, overdue, escalation) or a note"
  type IncidentEvent {
    "Where this event stands in the stream: pass it as after to resume after it"
    cursor: String!
    "Event type, e.g. incident.assigned, incident.stateChanged, incident.overdue"
    type: String!
    "When it happened (UTC)"
    occurredAt: DateTimeISO!
    "Account (token subject) that caused it; scheduler for follow-up timers, public for a caller without a token"
    actor: String!
    "The step, e.g. assignAgency, acceptIncident, reminded, overdue"
    action: String!
    "State before the step; null when the step opened the incident"
    fromState: IncidentState
    "State after the step; equal to fromState for notes and follow-ups"
    toState: IncidentState
    "The incident as it is now, read through the graph with the subscriber’s identity"
    incident: Incident
  }

  "A result published to everyone (công khai kết quả)"
  type PublicIncidentEvent {
    "Where this event stands in the stream: pass it as after to resume after it"
    cursor: String!
    "When it was published (UTC)"
    occurredAt: DateTimeISO!
    "The published record"
    publicIncident: PublicIncident
  }
`;

/** For each event type of the schema: its entity field, the root query that reads the entity, and the payload key of its id. */
export const EVENT_ENTITIES = {
  AlertEvent: { field: 'alert', read: { query: 'alert', list: 'alerts' }, idFrom: 'entityKey' },
  IncidentEvent: { field: 'incident', read: { query: 'incident', list: 'incidents' }, idFrom: 'entityKey' },
  PublicIncidentEvent: { field: 'publicIncident', read: { query: 'publicIncident', list: 'publicIncidents' }, idFrom: 'publicationId' },
  AssignmentEvent: { field: 'assignment', read: { query: 'assignment', list: 'assignments' }, idFrom: 'entityKey' },
  OperationEvent: { field: 'operation', read: { query: 'operation', list: 'operations' }, idFrom: 'entityKey' },
} as const;
