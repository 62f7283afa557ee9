import { Max, Min } from 'class-validator';
import { Directive, Field, Float, InputType, ObjectType } from 'type-graphql';

/** A WGS 84 point. The same value type in every subgraph, hence shareable. */
@ObjectType({ description: 'A point on the earth (WGS 84)' })
@Directive('@shareable')
export class GeoPoint {
  @Field(() => Float)
  latitude!: number;

  @Field(() => Float)
  longitude!: number;
}

@InputType({ description: 'A point on the earth (WGS 84)' })
export class GeoPointInput {
  @Field(() => Float)
  @Min(-90)
  @Max(90)
  latitude!: number;

  @Field(() => Float)
  @Min(-180)
  @Max(180)
  longitude!: number;
}

export const geoPoint = (latitude: number | null, longitude: number | null): GeoPoint | null =>
  latitude === null || longitude === null ? null : { latitude, longitude };
