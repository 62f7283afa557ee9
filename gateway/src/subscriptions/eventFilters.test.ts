import type { BusEvent, Identity } from '@ioc-graph/platform';
import {
  entityId,
  isMyAssignment,
  isPublication,
  matchesAlert,
  matchesAssignment,
  matchesIncident,
  matchesOperation,
  stepOf,
  unitStatusOf,
} from './eventFilters';

const AGENCY = '0190a0a0-0000-7000-8000-00000000000a';
const UNIT = '0190a0a0-0000-7000-8000-00000000000b';

const event = (type: string, payload: Record<string, unknown>, more: Partial<BusEvent> = {}): BusEvent => ({
  id: 'e1',
  source: 'incidents',
  type,
  entityType: 'Incident',
  entityKey: 'i1',
  payload,
  actor: 'someone',
  occurredAt: new Date(0),
  audience: { public: false, agencyIds: [], fieldUnitIds: [] },
  seq: 1,
  storedAt: new Date(0),
  ...more,
});

const incident = event('incident.assigned', {
  code: 'SV-1',
  sector: 'SECURITY',
  process: 'TIMED',
  severity: 'SEVERE',
  categoryId: 'c1',
  status: 'ACTUAL',
  unitLineage: ['province', 'district'],
  agencyId: AGENCY,
  state: 'ASSIGNED',
  action: 'assignAgency',
  fromState: 'VERIFIED',
  toState: 'ASSIGNED',
  publicationId: null,
});
const alert = event(
  'alert.received',
  {
    sector: 'ENVIRONMENT',
    categoryId: 'c2',
    severity: 'MINOR',
    status: 'ACTUAL',
    state: 'NEW',
    unitLineage: ['province'],
    incidentId: null,
  },
  { entityType: 'Alert' },
);
const assignment = event(
  'assignment.reportOnScene',
  {
    incidentId: 'i1',
    incidentCode: 'SV-1',
    fieldUnitId: UNIT,
    agencyId: AGENCY,
    unitKind: 'FIRE_ENGINE',
    state: 'ON_SCENE',
    unitStatus: 'ON_SCENE',
    unitLineage: [],
  },
  { entityType: 'Assignment', entityKey: 'a1', audience: { public: false, agencyIds: [AGENCY], fieldUnitIds: [UNIT] } },
);
const operation = event(
  'task.done',
  {
    code: 'OP-1',
    incidentId: 'i1',
    exercise: false,
    state: 'ACTIVE',
    phase: 'RESPOND',
    action: 'completeTask',
    subjectType: 'TASK',
    subjectId: 't1',
    fromState: 'IN_PROGRESS',
    toState: 'DONE',
  },
  { entityType: 'Operation', entityKey: 'o1' },
);
const identity = (agencyId: string | null, fieldUnitId: string | null) => ({ agencyId, fieldUnitId }) as Identity;

describe('subscription event filters', () => {
  it('matches each subscription’s own family of events only', () => {
    expect(
      [incident, alert, assignment, operation].map((e) => [
        matchesAlert(e, null),
        matchesIncident(e, null),
        matchesAssignment(e, null),
        matchesOperation(e, null),
      ]),
    ).toEqual([
      [false, true, false, false],
      [true, false, false, false],
      [false, false, true, false],
      [false, false, false, true],
    ]);
  });

  it('applies the filters’ fields to the payloads, ids compared case-insensitively', () => {
    expect(matchesIncident(incident, { agencyId: AGENCY.toUpperCase(), sectors: ['SECURITY'], withinUnitId: 'DISTRICT' })).toBe(true);
    expect(matchesIncident(incident, { processes: ['IMMEDIATE'] })).toBe(false);
    expect(matchesIncident(incident, { types: ['incident.published'] })).toBe(false);
    expect(matchesAlert(alert, { severities: ['MINOR'], categoryIds: ['c2'] })).toBe(true);
    expect(matchesAlert(alert, { withinUnitId: 'district' })).toBe(false);
    expect(matchesAssignment(assignment, { fieldUnitId: UNIT, incidentId: 'I1' })).toBe(true);
    expect(matchesAssignment(assignment, { agencyId: 'another' })).toBe(false);
    expect(matchesOperation(operation, { operationId: 'o1', types: ['task.done'] })).toBe(true);
  });

  it('gives an agency its incidents and a field unit the events addressed to it', () => {
    expect(isMyAssignment(incident, identity(AGENCY, null))).toBe(true);
    expect(isMyAssignment(incident, identity('another', null))).toBe(false);
    expect(
      isMyAssignment(
        event('incident.noted', incident.payload, { audience: { public: false, agencyIds: [], fieldUnitIds: [UNIT] } }),
        identity(null, UNIT),
      ),
    ).toBe(true);
  });

  it('reads the step, the unit status and the entity id from the payloads that carry them', () => {
    expect(stepOf(incident)).toMatchObject({ action: 'assignAgency', fromState: 'VERIFIED', toState: 'ASSIGNED' });
    expect(stepOf(operation)).toMatchObject({ action: 'completeTask', toState: 'DONE' });
    expect(stepOf(alert)).toBeNull();
    expect(unitStatusOf(assignment)).toBe('ON_SCENE');
    expect(unitStatusOf(incident)).toBeNull();
    const published = event(
      'incident.published',
      { ...incident.payload, publicationId: 'p1' },
      { audience: { public: true, agencyIds: [], fieldUnitIds: [] } },
    );
    expect(isPublication(published)).toBe(true);
    expect(isPublication(incident)).toBe(false);
    expect(entityId(published, 'publicationId')).toBe('p1');
    expect(entityId(alert, 'publicationId')).toBeNull();
    expect(entityId(alert, 'entityKey')).toBe('i1');
  });
});
