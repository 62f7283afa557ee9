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
    alertReceived(filter: AlertEventFilter, after: String): AlertEvent!
    "Changes of incidents the caller may read: the center all, an agency its own"
    incidentChanged(filter: IncidentEventFilter, after: String): IncidentEvent!
    "Changes of the incidents assigned to the caller's agency"
    myAssignments(after: String): IncidentEvent!
    "Results as they are published (everyone)"
    publicIncidentPublished(after: String): PublicIncidentEvent!
    "Dispatches and the steps of field units on them: the center, the unit's agency, the unit's crew"
    assignmentChanged(filter: AssignmentEventFilter, after: String): AssignmentEvent!
    "Every step of emergency operations: the center, and the agencies taking part"
    operationChanged(filter: OperationEventFilter, after: String): OperationEvent!
  }

  input OperationEventFilter {
    operationId: ID
    incidentId: ID
    "Event types, e.g. operation.activated, directive.issued, task.completed, operation.stoodDown"
    types: [String!]
  }

  type OperationEvent {
    cursor: String!
    type: String!
    occurredAt: DateTimeISO!
    actor: String!
    "The step, e.g. activateOperation, issueDirective, acknowledgeDirective, standDownOperation"
    action: String!
    fromState: String
    toState: String
    operation: Operation
  }

  input AssignmentEventFilter {
    fieldUnitId: ID
    agencyId: ID
    incidentId: ID
    "Event types, e.g. assignment.dispatched, assignment.reportOnScene, assignment.clearAssignment"
    types: [String!]
  }

  type AssignmentEvent {
    cursor: String!
    type: String!
    occurredAt: DateTimeISO!
    actor: String!
    "The unit's status after this step"
    unitStatus: UnitStatus!
    assignment: Assignment
  }

  input AlertEventFilter {
    sectors: [Sector!]
    severities: [Severity!]
    categoryIds: [ID!]
    "Alerts in this administrative unit or below it"
    withinUnitId: ID
    "Event types, e.g. alert.received, alert.verified, alert.dismissed, alert.merged"
    types: [String!]
  }

  input IncidentEventFilter {
    incidentId: ID
    agencyId: ID
    "Incidents in this administrative unit or below it"
    withinUnitId: ID
    sectors: [Sector!]
    processes: [Process!]
    severities: [Severity!]
    "Event types, e.g. incident.assigned, incident.stateChanged, incident.overdue, incident.published"
    types: [String!]
  }

  type AlertEvent {
    "Where this event stands in the stream; resume after it"
    cursor: String!
    type: String!
    occurredAt: DateTimeISO!
    "The account that caused it"
    actor: String!
    alert: Alert
  }

  type IncidentEvent {
    cursor: String!
    type: String!
    occurredAt: DateTimeISO!
    actor: String!
    "The step, e.g. assignAgency, acceptIncident, reminded, overdue"
    action: String!
    fromState: IncidentState
    toState: IncidentState
    incident: Incident
  }

  type PublicIncidentEvent {
    cursor: String!
    occurredAt: DateTimeISO!
    publicIncident: PublicIncident
  }
`;

/** For each event type of the schema: its entity field, the root query that reads the entity, and the payload key of its id. */
export const EVENT_ENTITIES = {
  AlertEvent: { field: 'alert', query: 'alert', idFrom: 'entityKey' },
  IncidentEvent: { field: 'incident', query: 'incident', idFrom: 'entityKey' },
  PublicIncidentEvent: { field: 'publicIncident', query: 'publicIncident', idFrom: 'publicationId' },
  AssignmentEvent: { field: 'assignment', query: 'assignment', idFrom: 'entityKey' },
  OperationEvent: { field: 'operation', query: 'operation', idFrom: 'entityKey' },
} as const;
