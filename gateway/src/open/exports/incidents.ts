import type { Dataset } from './dataset';
import { enumFilter, idFilter, instantFilter } from './filters';

interface PublicIncidentRow {
  id: string;
  code: string;
  title: string;
  summary: string;
  result: string;
  sector: string;
  place: string | null;
  occurredAt: string;
  receivedAt: string;
  resolvedAt: string;
  publishedAt: string;
  category: { id: string; code: string; nameVi: string; nameEn: string };
  unit: { id: string; code: string; nameVi: string; nameEn: string; centroid: { latitude: number; longitude: number } | null } | null;
  agency: { code: string; nameVi: string; nameEn: string } | null;
  satisfaction: { count: number; average: number | null };
}

interface PublicIncidentsData {
  publicIncidents: { edges: { node: PublicIncidentRow }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
}

const SECTORS = ['SECURITY', 'URBAN_ORDER', 'EMERGENCY', 'E_GOVERNMENT', 'TRAFFIC', 'ENVIRONMENT', 'HEALTH'];

/**
 * Published incidents (kết quả xử lý phản ánh): what the public portal shows, as `publicIncidents` gives it to
 * anyone: no reporter, no internal notes, the place as described with personal data masked. No GeoJSON:
 * a published record has no coordinates, only the unit it happened in (its centre would place it falsely).
 */
export const incidents: Dataset<PublicIncidentRow> = {
  name: 'incidents',
  scope: 'incidents',
  titleVi: 'Kết quả xử lý phản ánh, sự cố',
  titleEn: 'Published incidents and their results',
  descriptionEn:
    'Incidents and citizen reports the center has resolved and published: category, administrative unit, handling agency, the result, when it happened, was received, resolved and published, and citizens’ satisfaction; newest published first',
  keywords: ['phản ánh', 'sự cố', 'kết quả xử lý', 'incidents', 'citizen reports', 'IOC'],
  updateFrequency: 'continuous',
  maxAgeSeconds: 60,
  // About 36 fields a record: 50 a page stays within the gateway's query cost limit (2000).
  graphqlPage: 50,
  operation: 'OpenIncidents',
  page(data) {
    const { edges, pageInfo } = (data as PublicIncidentsData).publicIncidents;
    return { rows: edges.map((edge) => edge.node), endCursor: pageInfo.hasNextPage ? pageInfo.endCursor : null };
  },
  columns: [
    { name: 'id', description: 'Id of the published record (UUID)', value: (row) => row.id },
    { name: 'code', description: 'Incident number, e.g. VV-2026-000042', value: (row) => row.code },
    { name: 'title', description: 'Title as published', value: (row) => row.title },
    { name: 'summary', description: 'What was reported, as published (personal data masked)', value: (row) => row.summary },
    { name: 'result', description: 'What was done: the handling agency’s result as approved for publication', value: (row) => row.result },
    {
      name: 'sector',
      description: 'Sector: SECURITY, URBAN_ORDER, EMERGENCY, E_GOVERNMENT, TRAFFIC, ENVIRONMENT or HEALTH',
      value: (row) => row.sector,
    },
    { name: 'category_code', description: 'Code of its category, e.g. URB_ILLEGAL_CONSTRUCTION', value: (row) => row.category.code },
    { name: 'category_vi', description: 'Category name in Vietnamese', value: (row) => row.category.nameVi },
    { name: 'category_en', description: 'Category name in English', value: (row) => row.category.nameEn },
    {
      name: 'unit_code',
      description: 'Code of the administrative unit where it happened; empty when unknown',
      value: (row) => row.unit?.code,
    },
    { name: 'unit_vi', description: 'Name of that unit in Vietnamese', value: (row) => row.unit?.nameVi },
    { name: 'unit_en', description: 'Name of that unit in English', value: (row) => row.unit?.nameEn },
    {
      name: 'place',
      description: 'The place as described (address, landmark), personal data masked; empty when not given',
      value: (row) => row.place,
    },
    { name: 'agency_code', description: 'Code of the agency that handled it', value: (row) => row.agency?.code },
    { name: 'agency_vi', description: 'Name of that agency in Vietnamese', value: (row) => row.agency?.nameVi },
    { name: 'occurred_at', description: 'When it happened (ISO 8601, UTC)', value: (row) => row.occurredAt },
    { name: 'received_at', description: 'When the center received it (ISO 8601, UTC)', value: (row) => row.receivedAt },
    { name: 'resolved_at', description: 'When it was resolved (ISO 8601, UTC)', value: (row) => row.resolvedAt },
    { name: 'published_at', description: 'When the result was published (ISO 8601, UTC)', value: (row) => row.publishedAt },
    { name: 'satisfaction_count', description: 'Citizens who rated the result', value: (row) => row.satisfaction.count },
    {
      name: 'satisfaction_average',
      description: 'Their average rating, 1–5; empty without ratings',
      value: (row) => row.satisfaction.average,
    },
  ],
  filters: {
    sector: enumFilter('Only incidents of this sector', 'sector', SECTORS),
    category: idFilter('Only incidents of this category (its id, from the categories of the GraphQL API)', 'categoryId', 'category'),
    unit: idFilter('Only incidents in this administrative unit (its id) or below it', 'withinUnitId', 'unit'),
    from: instantFilter('Only records published at or after this instant (ISO 8601 with offset)', 'from', 'from'),
    to: instantFilter('Only records published before this instant (ISO 8601 with offset)', 'to', 'to'),
  },
  id: (row) => row.id,
  modified: (row) => row.publishedAt,
};
