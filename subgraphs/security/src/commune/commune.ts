import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * A commune or ward of the directory where reports are placed, kept here with its lineage (seeds) so that
 * ingest, hotspots and subtree statistics need no call to the directory. Its id is the directory unit's id.
 */
@Entity({ tableName: 'commune' })
@Index({
  name: 'commune_unit_lineage_index',
  expression: 'create index "commune_unit_lineage_index" on "security"."commune" using gin ("unit_lineage")',
})
export class Commune {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  @Unique()
  code!: string;

  @Property({ type: 'text' })
  nameVi!: string;

  @Property({ type: 'text' })
  nameEn!: string;

  /** The province, the district-level unit (before 2025) and the commune itself. */
  @Property({ type: 'text[]' })
  unitLineage!: string[];

  /** The unit just under the province: what the public monthly counts are given per. */
  @Property({ type: 'uuid' })
  districtUnitId!: string;
}
