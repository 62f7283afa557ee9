import { Field, InputType, Int } from 'type-graphql';
import { LightingState } from '../vocabulary';

/** One report of a lighting controller about a circuit. */
@InputType({ description: 'One report of a lighting controller about a circuit' })
export class LightingReportInput {
  @Field({ description: 'The circuit’s code, e.g. BP-CS-DX-01-L1' })
  circuitCode!: string;

  @Field(() => LightingState, { description: 'What the controller says of the circuit' })
  state!: LightingState;

  @Field(() => Int, { description: 'Lamps failed on the circuit (0 to its lamp count)' })
  failedLamps!: number;

  @Field({ description: 'When the controller reported (not in the future)' })
  reportedAt!: Date;

  @Field({ description: 'Its id in the sending system: the same (source, sourceId) is stored once' })
  sourceId!: string;
}

/** A batch of controller reports from one sending system, validated as a whole. */
@InputType({ description: 'A batch of lighting controllers’ reports from one sending system, validated as a whole' })
export class IngestLightingReportsInput {
  @Field({ description: 'The sending system, e.g. "scada-chieu-sang-bp"' })
  source!: string;

  @Field(() => [LightingReportInput], { description: 'Up to 10,000 reports' })
  reports!: LightingReportInput[];
}
