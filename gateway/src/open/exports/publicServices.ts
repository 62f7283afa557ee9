import { badOpenRequest } from '../openOperations';
import type { Dataset } from './dataset';
import { enumFilter, idFilter, instantFilter } from './filters';
import { UNIT_LEVELS, unitColumns, unitPage, type UnitRow } from './unitRows';

interface PublicServicesRow extends UnitRow {
  publicServices: {
    from: string;
    to: string;
    received: number;
    finished: number;
    returned: number;
    onTimeRate: number | null;
    overdue: number;
    onlineRate: number | null;
    averageProcessingDays: number | null;
  } | null;
}

/**
 * E-government figures per administrative unit (chỉ số dịch vụ công): the dossiers of the agencies serving
 * each unit's subtree over a period, as `AdministrativeUnit.publicServices` publishes them.
 */
export const publicServices: Dataset<PublicServicesRow> = {
  name: 'public-services',
  scope: 'public-services',
  titleVi: 'Chỉ số giải quyết thủ tục hành chính theo đơn vị hành chính',
  titleEn: 'Public service (e-government) figures by administrative unit',
  descriptionEn:
    'For each administrative unit, the dossiers of the agencies serving it and the units below it over a period (this local year by default): received, finished, returned, share finished on time, share filed online, average working days, and overdue now',
  keywords: ['dịch vụ công', 'thủ tục hành chính', 'một cửa', 'e-government', 'public services', 'KPI'],
  updateFrequency: 'hourly',
  maxAgeSeconds: 60,
  // About 23 fields a record: 50 a page stays within the gateway's query cost limit (2000).
  graphqlPage: 50,
  operation: 'OpenPublicServices',
  page: (data) => unitPage<PublicServicesRow>(data),
  columns: [
    ...unitColumns<PublicServicesRow>(),
    { name: 'from', description: 'Start of the period (ISO 8601, UTC)', value: (row) => row.publicServices?.from },
    { name: 'to', description: 'End of the period, exclusive (ISO 8601, UTC)', value: (row) => row.publicServices?.to },
    { name: 'received', description: 'Dossiers received in the period', value: (row) => row.publicServices?.received },
    { name: 'finished', description: 'Dossiers finished in the period', value: (row) => row.publicServices?.finished },
    {
      name: 'returned',
      description: 'Dossiers returned unhandled or withdrawn in the period',
      value: (row) => row.publicServices?.returned,
    },
    {
      name: 'on_time_rate',
      description: 'Share of finished dossiers finished by their due time, 0–1; empty when none finished',
      value: (row) => row.publicServices?.onTimeRate,
    },
    {
      name: 'online_rate',
      description: 'Share of received dossiers filed online, 0–1; empty when none received',
      value: (row) => row.publicServices?.onlineRate,
    },
    {
      name: 'average_processing_days',
      description: 'Average processing time of finished dossiers in working days; empty when none finished',
      value: (row) => row.publicServices?.averageProcessingDays,
    },
    {
      name: 'overdue_now',
      description: 'Dossiers being handled past their due time now, whatever the period',
      value: (row) => row.publicServices?.overdue,
    },
  ],
  filters: {
    level: enumFilter('Only units of this tier', 'level', UNIT_LEVELS),
    within: idFilter('Only the units below this administrative unit (its id; the unit itself excluded)', 'withinUnitId', 'within'),
    from: instantFilter('Start of the period (ISO 8601 with offset); the start of this local year when omitted', 'from', 'from'),
    to: instantFilter('End of the period, exclusive (ISO 8601 with offset), at most 731 days after from; now when omitted', 'to', 'to'),
  },
  complete(variables) {
    if (typeof variables.from === 'string' && typeof variables.to === 'string' && variables.from >= variables.to) {
      throw badOpenRequest('from must be before to');
    }
    return variables;
  },
  id: (row) => row.id,
  place: (row) => row.centroid,
};
