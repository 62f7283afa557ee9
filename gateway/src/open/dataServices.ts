/**
 * A standard API of the hub listed in the catalogue as a `dcat:DataService`: partners find the CAP feed,
 * Open311 and NGSI-LD where they find the datasets. Adding an endpoint to the catalogue is one entry here.
 */
export interface DataService {
  /** The catalogue identifier, and the API key scope that reads it. */
  id: string;
  titleVi: string;
  titleEn: string;
  descriptionEn: string;
  /** Its path on the hub (made absolute with PUBLIC_URL). */
  endpointPath: string;
  /** The standard it implements (dct:conformsTo). */
  conformsTo: string;
  /** What it answers in (dcat:mediaType). */
  mediaType: string;
  keywords: string[];
}

export const DATA_SERVICES: readonly DataService[] = [
  {
    id: 'warnings',
    titleVi: 'Cảnh báo cho người dân (CAP)',
    titleEn: 'Public warnings (CAP feed)',
    descriptionEn:
      'Warnings the center issues (floods, air quality, outbreaks, incidents), as Common Alerting Protocol 1.2 messages in an Atom feed',
    endpointPath: '/open/v1/warnings.atom',
    conformsTo: 'http://docs.oasis-open.org/emergency/cap/v1.2/CAP-v1.2-os.html',
    mediaType: 'application/atom+xml',
    keywords: ['cảnh báo', 'CAP', 'warnings', 'alerts'],
  },
  {
    id: 'open311',
    titleVi: 'Phản ánh kiến nghị (Open311)',
    titleEn: 'Citizen service requests (Open311 GeoReport v2)',
    descriptionEn: 'The categories citizens may report and the reports themselves, read and filed through the Open311 GeoReport v2 API',
    endpointPath: '/open311/v2/services.json',
    conformsTo: 'http://wiki.open311.org/GeoReport_v2/',
    mediaType: 'application/json',
    keywords: ['phản ánh', 'Open311', 'service requests', 'citizen reports'],
  },
  {
    id: 'ngsi-ld',
    titleVi: 'Dữ liệu ngữ cảnh (NGSI-LD)',
    titleEn: 'Context information (NGSI-LD)',
    descriptionEn: 'Stations, air quality observations and other entities of the hub as NGSI-LD entities with Smart Data Models types',
    endpointPath: '/ngsi-ld/v1/entities',
    conformsTo: 'https://www.etsi.org/deliver/etsi_gs/CIM/001_099/009/01.08.01_60/gs_CIM009v010801p.pdf',
    mediaType: 'application/ld+json',
    keywords: ['NGSI-LD', 'FIWARE', 'smart data models', 'context broker'],
  },
  {
    id: 'graphql',
    titleVi: 'API GraphQL của trung tâm',
    titleEn: 'The hub’s GraphQL API',
    descriptionEn: 'The federated data graph of the center: the public reads of every sector, and more with a partner’s key',
    endpointPath: '/graphql',
    conformsTo: 'https://spec.graphql.org/October2021/',
    mediaType: 'application/graphql-response+json',
    keywords: ['GraphQL', 'API'],
  },
];
