import { Max, Min } from 'class-validator';
import { Directive, Field, Float, InputType, ObjectType } from 'type-graphql';

/** A WGS 84 point. The same value type in every subgraph, hence shareable. */
@ObjectType({ description: 'A point on the earth (WGS 84)' })
@Directive('@shareable')
export class GeoPoint {
  @Field(() => Float, { description: 'Latitude in decimal degrees (vĩ độ), −90 to 90' })
  latitude!: number;

  @Field(() => Float, { description: 'Longitude in decimal degrees (kinh độ), −180 to 180' })
  longitude!: number;
}

@InputType({ description: 'A point on the earth (WGS 84)' })
export class GeoPointInput {
  @Field(() => Float, { description: 'Latitude in decimal degrees (vĩ độ), −90 to 90' })
  @Min(-90)
  @Max(90)
  latitude!: number;

  @Field(() => Float, { description: 'Longitude in decimal degrees (kinh độ), −180 to 180' })
  @Min(-180)
  @Max(180)
  longitude!: number;
}

export const geoPoint = (latitude: number | null, longitude: number | null): GeoPoint | null =>
  latitude === null || longitude === null ? null : { latitude, longitude };

const EARTH_RADIUS_M = 6_371_000;

/** Great-circle (haversine) distance in metres between two WGS 84 points. */
export function distanceMeters(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLng = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
}
