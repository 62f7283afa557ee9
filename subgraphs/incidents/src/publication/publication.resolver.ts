import {
  badInput,
  CacheHint,
  ConnectionArgs,
  ConnectionType,
  escapeLike,
  foldVietnamese,
  forbidden,
  inTransaction,
  isPartnerOnly,
  notFound,
  paginate,
  requireId,
} from '@ioc-graph/platform';
import { LockMode, type FilterQuery } from '@mikro-orm/core';
import { ArrayMaxSize, IsInt, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { Arg, Args, Ctx, Field, FieldResolver, Float, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Category } from '../category/category';
import { categoryById } from '../category/category.loader';
import type { IncidentsContext } from '../context';
import { AdministrativeUnit, Agency, agencyRef, unitRef } from '../foreign/entities';
import { Sector } from '../vocabulary';
import { Publication, Rating } from './publication';
import { publicationById } from './publication.loader';
import { redactPersonalData } from './redact';

@ObjectType({ description: 'A page of published incidents' })
export class PublicIncidentConnection extends ConnectionType(Publication, 'PublicIncident') {}

@ObjectType({ description: 'How satisfied the public is with a published result' })
export class Satisfaction {
  @Field(() => Int, { description: 'Number of clients who rated the result' })
  count!: number;

  @Field(() => Float, { nullable: true, description: 'Mean score, 1–5; null before the first rating' })
  average!: number | null;
}

@InputType({ description: 'Filters on published incidents; all given conditions must hold' })
export class PublicIncidentFilter {
  @Field(() => [ID], {
    nullable: true,
    description: 'Only the records with these ids (at most 100); the other conditions still apply. An empty list matches none',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  ids?: string[];

  @Field(() => Sector, { nullable: true, description: 'Only records of this sector' })
  sector?: Sector;

  @Field(() => ID, { nullable: true, description: 'Only records of this category' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @Field(() => ID, { nullable: true, description: 'Published incidents in this unit or below it' })
  @IsOptional()
  @IsUUID()
  withinUnitId?: string;

  @Field({ nullable: true, description: 'Published at or after' })
  publishedFrom?: Date;

  @Field({ nullable: true, description: 'Published before' })
  publishedTo?: Date;

  @Field({ nullable: true, description: 'Words of the title, summary or place, with or without diacritics' })
  @IsOptional()
  @Length(1, 100)
  search?: string;
}

@InputType({ description: 'A rating of a published result' })
export class RatingInput {
  @Field(() => Int, { description: '1 (very unsatisfied) to 5 (very satisfied)' })
  @IsInt()
  @Min(1)
  @Max(5)
  score!: number;

  @Field({ nullable: true, description: 'Free comment, 1–1,000 characters; personal data is masked before it is stored' })
  @IsOptional()
  @Length(1, 1000)
  comment?: string;
}

/** Published results are open to everyone: the public portal and partners pulling open data. */
@Resolver(() => Publication)
export class PublicationResolver {
  @CacheHint(60)
  @Query(() => PublicIncidentConnection, { description: 'Published results, newest first. Public' })
  publicIncidents(
    @Arg('filter', () => PublicIncidentFilter, { nullable: true, description: 'Conditions the records must meet; omit for all' })
    filter: PublicIncidentFilter | null,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: IncidentsContext,
  ) {
    const where: FilterQuery<Publication>[] = [];
    if (filter?.ids) where.push({ id: { $in: filter.ids.map((id) => requireId(id, 'ids')) } });
    if (filter?.sector) where.push({ sector: filter.sector });
    if (filter?.categoryId) where.push({ category: requireId(filter.categoryId, 'categoryId') });
    if (filter?.withinUnitId) where.push({ unitLineage: { $contains: [requireId(filter.withinUnitId, 'withinUnitId')] } });
    if (filter?.publishedFrom) where.push({ publishedAt: { $gte: filter.publishedFrom } });
    if (filter?.publishedTo) where.push({ publishedAt: { $lt: filter.publishedTo } });
    for (const word of foldVietnamese(filter?.search ?? '')
      .split(' ')
      .filter(Boolean))
      where.push({ searchText: { $like: `%${escapeLike(word)}%` } });
    return paginate(ctx.em, Publication, where.length ? { $and: where } : {}, { ...page, orderBy: 'publishedAt', direction: 'DESC' });
  }

  @CacheHint(60)
  @Query(() => Publication, {
    nullable: true,
    name: 'publicIncident',
    description: 'A published incident by id; null when there is none. Public',
  })
  publicIncident(@Arg('id', () => ID, { description: 'Id of the public record' }) id: string, @Ctx() ctx: IncidentsContext) {
    return publicationById(ctx).load(requireId(id, 'id'));
  }

  @Mutation(() => Publication, {
    description:
      'Rates a published result, 1–5; a client rates a result once and may change its rating. No login needed; a partner’s token is refused (FORBIDDEN)',
  })
  ratePublicIncident(
    @Arg('id', () => ID, { description: 'Id of the public record' }) id: string,
    @Arg('input', () => RatingInput, { description: 'The score and an optional comment' }) input: RatingInput,
    @Ctx() ctx: IncidentsContext,
  ) {
    if (isPartnerOnly(ctx.identity)) throw forbidden('A partner’s token reads open data; citizens rate a result without one');
    const client = ctx.identity.client;
    if (!client) throw badInput('The client cannot be told apart', []);
    return inTransaction(ctx.em, async (em) => {
      const record = await em.findOne(Publication, { id: requireId(id, 'id') }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!record) throw notFound('PublicIncident', id);
      const existing = await em.findOne(Rating, { publication: record.id, clientKey: client });
      if (existing) {
        record.ratingTotal += input.score - existing.score;
        existing.score = input.score;
        existing.comment = input.comment ? redactPersonalData(input.comment.trim()) : null;
        existing.at = ctx.clock.now();
      } else {
        record.ratingCount += 1;
        record.ratingTotal += input.score;
        em.persist(
          em.create(Rating, {
            publication: record,
            clientKey: client,
            score: input.score,
            comment: input.comment ? redactPersonalData(input.comment.trim()) : null,
            at: ctx.clock.now(),
          }),
        );
      }
      return record;
    });
  }

  @FieldResolver(() => Category, { description: 'Category of the incident' })
  category(@Root() record: Publication, @Ctx() ctx: IncidentsContext) {
    return categoryById(ctx).load(record.category.id);
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: 'Administrative unit where it happened; null when unknown' })
  unit(@Root() record: Publication) {
    return unitRef(record.unitId);
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The agency that handled it' })
  agency(@Root() record: Publication) {
    return agencyRef(record.agencyId);
  }

  @FieldResolver(() => Satisfaction, { description: 'Ratings of the result so far' })
  satisfaction(@Root() record: Publication): Satisfaction {
    return {
      count: record.ratingCount,
      average: record.ratingCount ? Math.round((record.ratingTotal / record.ratingCount) * 100) / 100 : null,
    };
  }
}
