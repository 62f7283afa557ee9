import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum CalendarDayKind {
  DAY_OFF = 'DAY_OFF',
  WORKDAY = 'WORKDAY',
}
registerEnumType(CalendarDayKind, {
  name: 'CalendarDayKind',
  description: 'A public holiday or day off in lieu (ngày nghỉ), or a weekend day worked instead (ngày làm bù)',
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
  @Field(() => CalendarDayKind)
  kind!: CalendarDayKind;

  @Property({ type: 'text' })
  @Field()
  nameVi!: string;

  @Property({ type: 'text' })
  @Field()
  nameEn!: string;
}
