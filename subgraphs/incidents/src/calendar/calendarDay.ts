import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum CalendarDayKind {
  DAY_OFF = 'DAY_OFF',
  WORKDAY = 'WORKDAY',
}
registerEnumType(CalendarDayKind, {
  name: 'CalendarDayKind',
  description: 'Kind of exception to the Monday–Friday working week',
  valuesConfig: {
    DAY_OFF: { description: 'A public holiday or day off in lieu (ngày nghỉ lễ, nghỉ bù): no working time' },
    WORKDAY: { description: 'A Saturday or Sunday worked instead of a day off (ngày làm bù): counts as working time' },
  },
});

/** One exception to the Monday–Friday week of the agencies, kept as data so the center can maintain it. */
@Entity({ tableName: 'calendar_day' })
@ObjectType({ description: 'A holiday, a day off in lieu, or a weekend day worked: deadlines count working time around them' })
export class CalendarDay {
  /** The local date in Asia/Ho_Chi_Minh, YYYY-MM-DD. */
  @PrimaryKey({ type: 'date' })
  @Field({ description: 'Local date (Asia/Ho_Chi_Minh), YYYY-MM-DD' })
  date!: string;

  @Enum({ items: () => CalendarDayKind })
  @Field(() => CalendarDayKind, { description: 'Day off or worked weekend day' })
  kind!: CalendarDayKind;

  @Property({ type: 'text' })
  @Field({ description: 'Name in Vietnamese, e.g. "Tết Nguyên đán"' })
  nameVi!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Name in English, e.g. "Lunar New Year"' })
  nameEn!: string;
}
