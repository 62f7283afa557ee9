import { auditEntry, badInput, CacheHint, inTransaction, Role } from '@ioc-graph/platform';
import { IsIn, Length, Matches } from 'class-validator';
import { Arg, Authorized, Ctx, Field, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { IncidentsContext } from '../context';
import { CalendarDay, CalendarDayKind } from './calendarDay';

@InputType({ description: 'A day of the working calendar (ngày nghỉ hoặc làm bù)' })
export class CalendarDayInput {
  @Field({ description: 'Local date, YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  date!: string;

  @Field(() => CalendarDayKind, { description: 'DAY_OFF, or WORKDAY for a Saturday or Sunday' })
  @IsIn(Object.values(CalendarDayKind))
  kind!: CalendarDayKind;

  @Field({ description: 'Name in Vietnamese, 2–200 characters' })
  @Length(2, 200)
  nameVi!: string;

  @Field({ description: 'Name in English, 2–200 characters' })
  @Length(2, 200)
  nameEn!: string;
}

const isRealDate = (date: string) =>
  !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);

/** The working calendar behind deadlines: public to read, kept by operators. */
@Resolver(() => CalendarDay)
export class CalendarResolver {
  @CacheHint(300)
  @Query(() => [CalendarDay], { description: 'Holidays, days off in lieu and worked weekend days of a year, by date. Public' })
  calendarDays(@Arg('year', () => Int, { description: 'The year, 2000–2100' }) year: number, @Ctx() ctx: IncidentsContext) {
    if (year < 2000 || year > 2100) throw badInput('year is out of range', [{ field: 'year', message: 'between 2000 and 2100' }]);
    return ctx.em.find(CalendarDay, { date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } }, { orderBy: { date: 'ASC' } });
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => CalendarDay, { description: 'Adds or changes a day of the working calendar (operators); later deadlines use it' })
  setCalendarDay(
    @Arg('input', () => CalendarDayInput, { description: 'The day; replaces what was recorded for that date' }) input: CalendarDayInput,
    @Ctx() ctx: IncidentsContext,
  ) {
    if (!isRealDate(input.date)) throw badInput('date is not a calendar date', [{ field: 'date', message: 'not a valid date' }]);
    const weekday = new Date(`${input.date}T00:00:00Z`).getUTCDay();
    if (input.kind === CalendarDayKind.WORKDAY && weekday !== 0 && weekday !== 6) {
      throw badInput('Only a Saturday or Sunday can be a worked day', [{ field: 'kind', message: 'WORKDAY needs a weekend date' }]);
    }
    return inTransaction(ctx.em, async (em) => {
      const existing = await em.findOne(CalendarDay, { date: input.date });
      const day = existing ?? em.create(CalendarDay, { date: input.date } as CalendarDay);
      const before = existing ? { kind: existing.kind, nameVi: existing.nameVi, nameEn: existing.nameEn } : {};
      Object.assign(day, { kind: input.kind, nameVi: input.nameVi.trim(), nameEn: input.nameEn.trim() });
      em.persist(day);
      em.persist(
        auditEntry(ctx.identity, ctx.requestId, {
          entityType: 'CalendarDay',
          entityId: '00000000-0000-0000-0000-000000000000',
          action: existing ? 'updated' : 'created',
          changes: { [input.date]: [before, { kind: day.kind, nameVi: day.nameVi, nameEn: day.nameEn }] },
        }),
      );
      return day;
    });
  }
}
