import { checkTransition, Role, type AppError, type Identity, type TransitionTable } from '@ioc-graph/platform';
import { actsAs, COMMAND_ACTORS, OPERATION_TRANSITIONS, OperationState, type CommandActor } from '../src/operation/operation.rules';
import { RESOURCE_TRANSITIONS, ResourceState } from '../src/resource/resource.rules';
import { TASK_TRANSITIONS, TaskState } from '../src/task/task.rules';
import { person } from '../../../test/support/identities';

const someone = (roles: Role[], agencyId: string | null = null): Identity => person('someone', roles, { agencyId });
const SXD = '6f0f5b8e-0000-5000-8000-000000000001';
const PCCC = '6f0f5b8e-0000-5000-8000-000000000002';

/** The state machines as tables: who may take each step, from which states, to which. */
describe('the transition tables', () => {
  /** The state a step leads to, or the error code it is refused with. */
  function step<A extends string, S extends string>(
    table: TransitionTable<A, S, CommandActor>,
    action: A,
    state: S,
    identity: Identity,
    agencyId: string | null = null,
  ): string {
    try {
      return checkTransition(table, action, state, (actor) => actsAs(identity, actor, agencyId), COMMAND_ACTORS);
    } catch (error) {
      return (error as AppError).code;
    }
  }

  it('lets the assigned agency take its task from OPEN to DONE, one step at a time', () => {
    const staff = someone([Role.AGENCY_STAFF], SXD);
    expect(step(TASK_TRANSITIONS, 'acknowledgeTask', TaskState.OPEN, staff, SXD)).toBe(TaskState.ACKNOWLEDGED);
    expect(step(TASK_TRANSITIONS, 'startTask', TaskState.ACKNOWLEDGED, staff, SXD)).toBe(TaskState.IN_PROGRESS);
    expect(step(TASK_TRANSITIONS, 'completeTask', TaskState.IN_PROGRESS, staff, SXD)).toBe(TaskState.DONE);
    expect(step(TASK_TRANSITIONS, 'completeTask', TaskState.OPEN, staff, SXD)).toBe('CONFLICT');
    expect(step(TASK_TRANSITIONS, 'acknowledgeTask', TaskState.OPEN, someone([Role.AGENCY_STAFF], PCCC), SXD)).toBe('FORBIDDEN');
    // An operator acts for the operations center's own tasks, not for another agency's.
    expect(step(TASK_TRANSITIONS, 'acknowledgeTask', TaskState.OPEN, someone([Role.OPERATOR], PCCC), PCCC)).toBe(TaskState.ACKNOWLEDGED);
    expect(step(TASK_TRANSITIONS, 'acknowledgeTask', TaskState.OPEN, someone([Role.OPERATOR], PCCC), SXD)).toBe('FORBIDDEN');
    // A task with no agency yet is nobody's to take.
    expect(step(TASK_TRANSITIONS, 'acknowledgeTask', TaskState.OPEN, someone([Role.AGENCY_STAFF], null), null)).toBe('FORBIDDEN');
  });

  it('keeps cancelling and reassigning for the center, and never reopens a finished task', () => {
    expect(step(TASK_TRANSITIONS, 'cancelTask', TaskState.IN_PROGRESS, someone([Role.OPERATOR]))).toBe(TaskState.CANCELLED);
    expect(step(TASK_TRANSITIONS, 'cancelTask', TaskState.IN_PROGRESS, someone([Role.AGENCY_STAFF], SXD), SXD)).toBe('FORBIDDEN');
    expect(step(TASK_TRANSITIONS, 'cancelTask', TaskState.DONE, someone([Role.LEADER]))).toBe('CONFLICT');
    expect(step(TASK_TRANSITIONS, 'assignTask', TaskState.IN_PROGRESS, someone([Role.OPERATOR]))).toBe('CONFLICT');
  });

  it('lets only the leader stand an operation down, once', () => {
    expect(step(OPERATION_TRANSITIONS, 'standDownOperation', OperationState.ACTIVE, someone([Role.LEADER]))).toBe(
      OperationState.STOOD_DOWN,
    );
    expect(step(OPERATION_TRANSITIONS, 'standDownOperation', OperationState.ACTIVE, someone([Role.OPERATOR]))).toBe('FORBIDDEN');
    expect(step(OPERATION_TRANSITIONS, 'standDownOperation', OperationState.STOOD_DOWN, someone([Role.LEADER]))).toBe('CONFLICT');
    expect(step(OPERATION_TRANSITIONS, 'advancePhase', OperationState.STOOD_DOWN, someone([Role.OPERATOR]))).toBe('CONFLICT');
  });

  it('releases a resource once', () => {
    expect(step(RESOURCE_TRANSITIONS, 'releaseResource', ResourceState.ALLOCATED, someone([Role.OPERATOR]))).toBe(ResourceState.RELEASED);
    expect(step(RESOURCE_TRANSITIONS, 'releaseResource', ResourceState.RELEASED, someone([Role.OPERATOR]))).toBe('CONFLICT');
  });
});
