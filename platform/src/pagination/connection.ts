import { Max, Min } from 'class-validator';
import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';

@ObjectType({ description: 'Where a page stands in its list (Relay cursor connections)' })
// Every subgraph defines the same PageInfo; federation needs it marked shareable.
@Directive('@shareable')
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { defaultValue: 20, description: 'How many items to return (1–100)' })
  @Min(1)
  @Max(100)
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'Return items after this cursor' })
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * Declares `<Node>Connection` and `<Node>Edge` object types for a node type:
 * `@ObjectType() class AgencyConnection extends ConnectionType(Agency) {}`.
 */
export function ConnectionType<T extends object>(node: ClassType<T>, nodeName = node.name) {
  @ObjectType(`${nodeName}Edge`)
  class EdgeType implements Edge<T> {
    @Field({ description: 'Opaque cursor of this item, for `after`' })
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  // Not emitted itself: only its named subclasses are reachable from resolvers.
  @ObjectType()
  abstract class ConnectionClass implements Connection<T> {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Items matching the filter, over all pages' })
    totalCount!: number;
  }
  return ConnectionClass;
}
