import { Max, Min } from 'class-validator';
import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';

@ObjectType({ description: 'Where a page stands in its list (Relay cursor connections)' })
// Every subgraph defines the same PageInfo; federation needs it marked shareable.
@Directive('@shareable')
export class PageInfo {
  @Field({ description: 'Whether more items follow this page: pass `endCursor` as `after` to read them' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether items come before this page (true whenever `after` was given)' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of this page; null when the page is empty' })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item of this page, to pass as `after`; null when the page is empty',
  })
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
  @ObjectType(`${nodeName}Edge`, { description: `One ${nodeName} of a page, with its cursor (Relay edge)` })
  class EdgeType implements Edge<T> {
    @Field({ description: 'Opaque cursor of this item, for `after`' })
    cursor!: string;

    @Field(() => node, { description: `The ${nodeName} itself` })
    node!: T;
  }

  // Not emitted itself: only its named subclasses are reachable from resolvers.
  @ObjectType()
  abstract class ConnectionClass implements Connection<T> {
    @Field(() => [EdgeType], { description: "The items of this page, in the list's order; empty when nothing matches" })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Whether more pages follow, and the cursors to reach them' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Items matching the filter, over all pages' })
    totalCount!: number;
  }
  return ConnectionClass;
}
