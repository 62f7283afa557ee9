import { Field, Float, InputType } from 'type-graphql';

/** One GPS ping of a waste truck. */
@InputType({ description: 'One GPS ping of a waste truck' })
export class TruckPingInput {
  @Field({ description: 'The truck’s code, e.g. BP-XE-RAC-DX-01' })
  truckCode!: string;

  @Field(() => Float, { description: 'Latitude (WGS 84)' })
  latitude!: number;

  @Field(() => Float, { description: 'Longitude (WGS 84)' })
  longitude!: number;

  @Field({ description: 'When the truck was there (not in the future)' })
  at!: Date;

  @Field({ description: 'Its id in the sending system: the same (source, sourceId) is stored once' })
  sourceId!: string;
}

@InputType({ description: 'A batch of trucks’ GPS pings from one tracking platform, validated as a whole' })
export class IngestTruckPingsInput {
  @Field({ description: 'The tracking platform, e.g. "gps-xe-rac-bp"' })
  source!: string;

  @Field(() => [TruckPingInput], { description: 'Up to 10,000 pings' })
  pings!: TruckPingInput[];
}

@InputType({ description: 'A collection recorded by staff (when a truck has no GPS, or collected on foot)' })
export class RecordCollectionInput {
  @Field({ description: 'The collection point’s code' })
  pointCode!: string;

  @Field({ description: 'When it was collected (not in the future): its Asia/Ho_Chi_Minh day is the day collected' })
  collectedAt!: Date;
}
