import { Field, Int, ObjectType } from 'type-graphql';
import { aqiCategory } from '../aqi/vnAqi';
import { Metric } from '../vocabulary';
import { Station } from './station';

/** A band of VN_AQI (Decision 1459/QĐ-TCMT, Table 2). */
@ObjectType('AqiCategory', {
  description: 'A band of the Vietnamese air quality index VN_AQI (mức chất lượng không khí), per Decision 1459/QĐ-TCMT',
})
export class AqiCategoryType {
  @Field(() => Int, {
    description:
      'Band number: 1 Good (Tốt), 2 Moderate (Trung bình), 3 Poor (Kém), 4 Bad (Xấu), 5 Very bad (Rất xấu), 6 Hazardous (Nguy hại)',
  })
  level!: number;

  @Field({ description: 'Name of the band in Vietnamese, e.g. "Tốt"' })
  nameVi!: string;

  @Field({ description: 'Name of the band in English, e.g. "Good"' })
  nameEn!: string;

  @Field({ description: 'The decision’s colour, #RRGGBB' })
  color!: string;

  @Field(() => Int, { description: 'Lowest AQI in the band (inclusive)' })
  min!: number;

  @Field(() => Int, { nullable: true, description: 'Null for the open-ended top band' })
  max!: number | null;
}

/** The hourly VN_AQI of a station. */
@ObjectType({ description: 'Hourly VN_AQI of a station (chỉ số chất lượng không khí giờ)' })
export class StationAirQuality {
  @Field(() => Int, { description: 'The index, 0 and up; above 300 is hazardous' })
  aqi!: number;

  @Field(() => AqiCategoryType, { description: 'The band the index falls in' })
  category!: AqiCategoryType;

  @Field(() => Metric, { description: 'The pollutant whose sub-index is the AQI' })
  dominant!: Metric;

  @Field({ description: 'The start of the hour it is computed for' })
  hour!: Date;
}

/** The worst current station AQI in an administrative unit's subtree. */
@ObjectType({
  description:
    'The worst current hourly VN_AQI in an administrative unit’s subtree: the latest hour of each air station within the last 3 hours',
})
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
