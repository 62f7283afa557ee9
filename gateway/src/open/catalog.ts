import express, { type RequestHandler } from 'express';
import { sendRepresentation } from './conditional';
import { DATA_SERVICES, type DataService } from './dataServices';
import { DATASETS, OPEN_DATA_LICENCE, type Dataset } from './exports';
import { openHandler, type OpenRouterContext, type OpenRouterFactory } from './openRoutes';

/** The EU Publications Office frequency vocabulary, which DCAT-AP asks `dct:accrualPeriodicity` to use. */
const FREQUENCY = 'http://publications.europa.eu/resource/authority/frequency/';
const FREQUENCIES: Record<Dataset['updateFrequency'], string> = {
  continuous: 'CONT',
  hourly: 'HOURLY',
  daily: 'DAILY',
  weekly: 'WEEKLY',
  monthly: 'MONTHLY',
  irregular: 'IRREG',
};

/** Media types as IANA names them (DCAT-AP's `dcat:mediaType` is an IANA URI). */
const IANA = 'https://www.iana.org/assignments/media-types/';
const FORMATS = [
  { extension: 'json', mediaType: 'application/json', name: 'JSON' },
  { extension: 'csv', mediaType: 'text/csv', name: 'CSV' },
  { extension: 'geojson', mediaType: 'application/geo+json', name: 'GeoJSON' },
] as const;

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  schema: 'https://schema.org/',
};

/** The catalogue may be kept an hour: it changes when the hub is deployed, or the province renamed. */
const CATALOG_MAX_AGE_SECONDS = 3600;

interface Province {
  code: string;
  nameVi: string;
  nameEn: string;
  centroid: { latitude: number; longitude: number } | null;
}

const texts = (vi: string, en: string) => [
  { '@value': vi, '@language': 'vi' },
  { '@value': en, '@language': 'en' },
];
const link = (url: string) => ({ '@id': url });

/** What a dataset and a data service alike say of themselves: id, titles, description, keywords. */
function described(
  type: string,
  base: string,
  entry: { id: string; titleVi: string; titleEn: string; descriptionEn: string; keywords: readonly string[] },
) {
  return {
    '@id': `${base}/open/v1/catalog.jsonld#${entry.id}`,
    '@type': type,
    'dct:identifier': entry.id,
    'dct:title': texts(entry.titleVi, entry.titleEn),
    'dct:description': { '@value': entry.descriptionEn, '@language': 'en' },
    'dcat:keyword': entry.keywords,
  };
}

/** The catalogue's `dcat:Dataset` of one export: its forms as distributions, its columns as measured variables. */
function datasetEntry(dataset: Dataset<never>, base: string, common: Record<string, unknown>) {
  const formats = FORMATS.filter((format) => format.extension !== 'geojson' || dataset.place);
  const parameters = ['limit (1–1000, default 100)', 'after (the cursor of a previous answer’s next link)'];
  for (const [name, filter] of Object.entries(dataset.filters ?? {})) parameters.push(`${name}: ${filter.description}`);
  return {
    ...described('dcat:Dataset', base, { ...dataset, id: dataset.name }),
    'dct:accrualPeriodicity': link(FREQUENCY + FREQUENCIES[dataset.updateFrequency]),
    ...common,
    'dcat:distribution': formats.map((format) => {
      const url = `${base}/open/v1/${dataset.name}.${format.extension}`;
      return {
        '@id': url,
        '@type': 'dcat:Distribution',
        'dct:title': `${dataset.titleEn} (${format.name})`,
        'dct:description': `Up to 1000 records an answer; follow the next link (Link header, and "next" in JSON) for the rest. Query parameters: ${parameters.join('; ')}`,
        'dcat:accessURL': link(url),
        'dcat:downloadURL': link(url),
        'dcat:mediaType': link(IANA + format.mediaType),
        'dct:format': format.name,
        'dct:license': link(OPEN_DATA_LICENCE.url),
      };
    }),
    'schema:variableMeasured': dataset.columns.map((column) => ({
      '@type': 'schema:PropertyValue',
      'schema:name': column.name,
      'schema:description': column.description,
    })),
  };
}

function serviceEntry(service: DataService, base: string, common: Record<string, unknown>) {
  return {
    ...described('dcat:DataService', base, service),
    'dcat:endpointURL': link(`${base}${service.endpointPath}`),
    'dct:conformsTo': link(service.conformsTo),
    'dcat:mediaType': link(IANA + service.mediaType),
    ...common,
  };
}

/**
 * The DCAT-AP catalogue (JSON-LD) of the hub's open data: every dataset of {@link DATASETS} with its
 * distributions and columns, and every standard endpoint of {@link DATA_SERVICES}, so that a national or
 * partner portal harvests them without being told of each. The province (spatial coverage, publisher) is
 * the directory's own PROVINCE unit, not a name written here.
 */
export function catalogDocument(base: string, province: Province) {
  const catalogUrl = `${base}/open/v1/catalog.jsonld`;
  const publisher = {
    '@id': `${catalogUrl}#publisher`,
    '@type': 'foaf:Organization',
    'foaf:name': texts(
      `Trung tâm Giám sát, điều hành đô thị thông minh ${province.nameVi}`,
      `Intelligent Operations Center of ${province.nameEn}`,
    ),
    'foaf:homepage': link(base),
  };
  const spatial = {
    '@id': `${catalogUrl}#province`,
    '@type': 'dct:Location',
    'dct:identifier': province.code,
    'skos:prefLabel': texts(province.nameVi, province.nameEn),
    ...(province.centroid
      ? {
          'dcat:centroid': {
            '@value': `POINT(${province.centroid.longitude} ${province.centroid.latitude})`,
            '@type': 'http://www.opengis.net/ont/geosparql#wktLiteral',
          },
        }
      : {}),
  };
  const contactPoint = {
    '@type': 'vcard:Organization',
    'vcard:fn': publisher['foaf:name'][0]['@value'],
    'vcard:hasURL': link(base),
  };
  const common = {
    'dct:license': link(OPEN_DATA_LICENCE.url),
    'dct:publisher': { '@id': publisher['@id'] },
    'dct:spatial': { '@id': spatial['@id'] },
    'dcat:contactPoint': contactPoint,
    'dct:accessRights': link('http://publications.europa.eu/resource/authority/access-right/PUBLIC'),
  };
  return {
    '@context': CONTEXT,
    '@id': catalogUrl,
    '@type': 'dcat:Catalog',
    'dct:title': texts(`Dữ liệu mở ${province.nameVi}`, `Open data of ${province.nameEn}`),
    'dct:description': texts(
      `Dữ liệu mở của Trung tâm Giám sát, điều hành đô thị thông minh ${province.nameVi}: phản ánh, môi trường, giao thông, dịch vụ công, y tế, an ninh trật tự`,
      `Open data of the Intelligent Operations Center of ${province.nameEn}: incidents, environment, traffic, public services, health and public safety`,
    ),
    'dct:language': [
      link('http://publications.europa.eu/resource/authority/language/VIE'),
      link('http://publications.europa.eu/resource/authority/language/ENG'),
    ],
    'foaf:homepage': link(base),
    'dct:license': link(OPEN_DATA_LICENCE.url),
    'dct:publisher': publisher,
    'dct:spatial': spatial,
    'dcat:dataset': DATASETS.map((dataset) => datasetEntry(dataset, base, common)),
    'dcat:service': DATA_SERVICES.map((service) => serviceEntry(service, base, common)),
  };
}

/**
 * The catalogue is the same for everyone and needs no key: a key sent with it is neither checked nor counted
 * (a partner's key would otherwise be refused for lacking a scope no key has), the caller stays within the
 * public rate limit of its address.
 */
const asPublic: RequestHandler = (req, _res, next) => {
  delete req.headers['x-api-key'];
  next();
};

/** `GET /open/v1/catalog.jsonld` (and `/open/v1/catalog`): the DCAT-AP catalogue, JSON-LD. */
export const catalogRouter: OpenRouterFactory = (context: OpenRouterContext) => {
  const router = express.Router();
  context.open.require('OpenAdministrativeUnits');
  const handler = openHandler(context, async (req, res) => {
    type Units = { administrativeUnits: { edges: { node: Province }[] } };
    const data = await context.open.run<Units>(res, 'OpenAdministrativeUnits', { first: 1, after: null, level: 'PROVINCE' });
    const province = data.administrativeUnits.edges[0]?.node ?? { code: '', nameVi: 'tỉnh', nameEn: 'the province', centroid: null };
    sendRepresentation(req, res, {
      body: JSON.stringify(catalogDocument(context.publicUrl, province)),
      contentType: 'application/ld+json',
      maxAgeSeconds: CATALOG_MAX_AGE_SECONDS,
    });
  });
  router.get(['/open/v1/catalog.jsonld', '/open/v1/catalog'], asPublic, context.admit('catalog'), handler);
  return router;
};
