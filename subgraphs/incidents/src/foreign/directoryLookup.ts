import { badInput, SERVICE_IDENTITY, SubgraphClient, type Loaders } from '@ioc-graph/platform';
import type { DirectoryCache } from './directoryCache';

export interface UnitFacts {
  id: string;
  /** The unit's ancestors from the root, then the unit itself: what subtree filters match on. */
  lineage: string[];
  /** The national unit code where known (a public warning's CAP geocode), and the unit's names. */
  code: string;
  nameVi: string;
  nameEn: string;
}

export interface AgencyFacts {
  id: string;
  nameVi: string;
}

const UNITS = `query Units($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on AdministrativeUnit { id code nameVi nameEn ancestors { id } } }
}`;
const AGENCIES = `query Agencies($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Agency { id nameVi } }
}`;

/**
 * What the incidents subgraph asks the directory when it writes: does the unit or agency exist, and
 * which units lie above a unit. The lineage is copied onto alerts and incidents, so that subtree
 * filters and statistics need no query across subgraphs. Lookups are batched per request and go
 * through the process's DirectoryCache, so a unit or agency is asked for once, not once per alert.
 */
export class DirectoryLookup {
  constructor(
    private readonly client: SubgraphClient,
    private readonly loaders: Loaders,
    private readonly requestId: string,
    private readonly cache: DirectoryCache,
  ) {}

  static client(url: string, secret: string): SubgraphClient {
    return new SubgraphClient('directory', url, secret, SERVICE_IDENTITY('incidents'));
  }

  async unit(id: string, field: string): Promise<UnitFacts> {
    const loader = this.loaders.get<string, UnitFacts | null>('directory:unit', (keys) =>
      this.cache.units(keys, async (ids) => {
        const representations = ids.map((unitId) => ({ __typename: 'AdministrativeUnit', id: unitId }));
        type UnitNode = Omit<UnitFacts, 'lineage'> & { ancestors: { id: string }[] };
        const data = await this.client.request<{ _entities: (UnitNode | null)[] }>(UNITS, { representations }, this.requestId);
        return data._entities.map((unit) => {
          if (!unit) return null;
          const { ancestors, ...facts } = unit;
          return { ...facts, lineage: [...ancestors.map((a) => a.id), unit.id] };
        });
      }),
    );
    const unit = await loader.load(id.toLowerCase());
    if (!unit) throw badInput(`${field} refers to no administrative unit`, [{ field, message: 'no such administrative unit' }]);
    return unit;
  }

  async agency(id: string, field: string): Promise<AgencyFacts> {
    const loader = this.loaders.get<string, AgencyFacts | null>('directory:agency', (keys) =>
      this.cache.agencies(keys, async (ids) => {
        const representations = ids.map((agencyId) => ({ __typename: 'Agency', id: agencyId }));
        const data = await this.client.request<{ _entities: (AgencyFacts | null)[] }>(AGENCIES, { representations }, this.requestId);
        return data._entities;
      }),
    );
    const agency = await loader.load(id.toLowerCase());
    if (!agency) throw badInput(`${field} refers to no agency`, [{ field, message: 'no such agency' }]);
    return agency;
  }
}
