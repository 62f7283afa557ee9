import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { Assignment } from '../assignment/assignment';

/** The usual CAD measures, in seconds; null until both ends of a measure are known. */
@ObjectType({
  description:
    'Response times in seconds: call processing (received → dispatched), turnout (dispatched → en route), travel (en route → on scene), on scene (on scene → cleared), response (received → on scene), total (received → cleared)',
})
export class ResponseTimes {
  @Field(() => Int, { nullable: true, description: 'Call processing: received → dispatched, in seconds; null until dispatched' })
  callProcessingSeconds!: number | null;

  @Field(() => Int, { nullable: true, description: 'Turnout: dispatched → en route, in seconds; null until en route' })
  turnoutSeconds!: number | null;

  @Field(() => Int, { nullable: true, description: 'Travel: en route → on scene, in seconds; null until on scene' })
  travelSeconds!: number | null;

  @Field(() => Int, { nullable: true, description: 'Time on scene: on scene → cleared, in seconds; null until cleared' })
  onSceneSeconds!: number | null;

  @Field(() => Int, { nullable: true, description: 'Response: received → on scene, in seconds; null until on scene' })
  responseSeconds!: number | null;

  @Field(() => Int, { nullable: true, description: 'Total: received → cleared, in seconds; null until cleared' })
  totalSeconds!: number | null;
}

const between = (from: Date | null, to: Date | null) => (from && to ? Math.round((to.getTime() - from.getTime()) / 1000) : null);

export function responseTimesOf(
  a: Pick<Assignment, 'receivedAt' | 'dispatchedAt' | 'enRouteAt' | 'onSceneAt' | 'clearedAt'>,
): ResponseTimes {
  return {
    callProcessingSeconds: between(a.receivedAt, a.dispatchedAt),
    turnoutSeconds: between(a.dispatchedAt, a.enRouteAt),
    travelSeconds: between(a.enRouteAt, a.onSceneAt),
    onSceneSeconds: between(a.onSceneAt, a.clearedAt),
    responseSeconds: between(a.receivedAt, a.onSceneAt),
    totalSeconds: between(a.receivedAt, a.clearedAt),
  };
}

/** An incident's response is its first unit on scene (or, before any arrives, its first dispatch). */
export function incidentResponseTimes(assignments: Assignment[]): ResponseTimes | null {
  const counted = assignments.filter((a) => a.state !== 'CANCELLED' && a.state !== 'DECLINED');
  if (!counted.length) return null;
  const first = [...counted].sort(
    (a, b) =>
      (a.onSceneAt?.getTime() ?? Infinity) - (b.onSceneAt?.getTime() ?? Infinity) || a.dispatchedAt.getTime() - b.dispatchedAt.getTime(),
  )[0];
  const firstDispatch = counted.reduce((a, b) => (b.dispatchedAt < a.dispatchedAt ? b : a));
  return { ...responseTimesOf(first), callProcessingSeconds: between(firstDispatch.receivedAt, firstDispatch.dispatchedAt) };
}

@ObjectType({ description: 'Response times of a group of assignments (drills excluded)' })
export class ResponseTimeBucket {
  @Field({ description: 'An agency or unit id, a unit kind, or a local date (YYYY-MM-DD, Asia/Ho_Chi_Minh)' })
  key!: string;

  @Field(() => Int, { description: 'Assignments that reached the scene' })
  count!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean call processing (received → dispatched), in seconds; null when none measured',
  })
  averageCallProcessingSeconds!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean turnout (dispatched → en route), in seconds; null when none measured' })
  averageTurnoutSeconds!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean travel (en route → on scene), in seconds; null when none measured' })
  averageTravelSeconds!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean response (received → on scene), in seconds; null when none measured' })
  averageResponseSeconds!: number | null;

  @Field(() => Float, { nullable: true, description: '90th percentile of response (received → on scene)' })
  p90ResponseSeconds!: number | null;
}
