import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { Metric } from '../vocabulary';

/** One measurement as a station's platform sends it. */
@InputType({ description: 'One measurement as a station’s platform sends it' })
export class ReadingInput {
  @Field({ description: 'The station’s code' })
  stationCode!: string;

  @Field(() => Metric, { description: 'What was measured; it must be one the station’s kind reports' })
  metric!: Metric;

  @Field(() => Float, { description: 'In the metric’s unit (µg/m³, °C, %, mm, m, dBA)' })
  value!: number;

  @Field({ description: 'When it was measured (not in the future)' })
  measuredAt!: Date;

  @Field({ description: 'Its id in the sending system: the same (source, sourceId) is stored once' })
  sourceId!: string;
}

/** A batch of measurements from one sending system, validated as a whole. */
@InputType({ description: 'A batch of measurements from one sending system, validated as a whole: one bad reading refuses the batch' })
export class IngestReadingsInput {
  @Field({ description: 'The sending system, e.g. "quan-trac-tu-dong"' })
  source!: string;

  @Field(() => [ReadingInput], { description: 'Up to 10,000 readings' })
  readings!: ReadingInput[];
}

/** What an ingest did: how many were new and how many were already known. */
@ObjectType({ description: 'What an ingest did: how many readings were new and how many were already known' })
export class IngestResult {
  @Field(() => Int, { description: 'Readings in the batch' })
  received!: number;

  @Field(() => Int, { description: 'New readings written' })
  stored!: number;

  @Field(() => Int, { description: 'Readings already known by (source, sourceId), not written again' })
  duplicates!: number;
}
