import { Field, Int, ObjectType } from 'type-graphql';
import { aqiCategory } from '../aqi/vnAqi';
import { Metric } from '../vocabulary';
import { Station } from './station';

/** A band of VN_AQI (Decision 1459/QĐ-TCMT, Table 2). */
@ObjectType('AqiCategory', { description: 'Mức chất lượng không khí theo VN_AQI' })
export class AqiCategoryType {
  @Field(() => Int, { description: '1 (Tốt) to 6 (Nguy hại)' })
  level!: number;

  @Field()
  nameVi!: string;

  @Field()
  nameEn!: string;

  @Field({ description: 'The decision’s colour, #RRGGBB' })
  color!: string;

  @Field(() => Int)
  min!: number;

  @Field(() => Int, { nullable: true, description: 'Null for the open-ended top band' })
  max!: number | null;
}

/** The hourly VN_AQI of a station. */
@ObjectType({ description: 'Chỉ số chất lượng không khí VN_AQI giờ của một trạm' })
export class StationAirQuality {
  @Field(() => Int)
  aqi!: number;

  @Field(() => AqiCategoryType)
  category!: AqiCategoryType;

  @Field(() => Metric, { description: 'The pollutant whose sub-index is the AQI' })
  dominant!: Metric;

  @Field({ description: 'The start of the hour it is computed for' })
  hour!: Date;
}

/** The worst current station AQI in an administrative unit's subtree. */
@ObjectType({ description: 'VN_AQI hiện tại cao nhất trong địa bàn (giờ gần nhất, trong 3 giờ qua)' })
export class UnitAirQuality extends StationAirQuality {
  @Field(() => Station, { description: 'The station that measured it' })
  station!: Station;
}

export const airQualityOf = (row: { aqi: number; dominant: Metric; hour: Date }): StationAirQuality => ({
  aqi: row.aqi,
  dominant: row.dominant,
  hour: new Date(row.hour),
  category: { ...aqiCategory(row.aqi) },
});
