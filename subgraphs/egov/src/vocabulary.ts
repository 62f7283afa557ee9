import { registerEnumType } from 'type-graphql';

/** How far a procedure can be done online (mức độ dịch vụ công trực tuyến, Nghị định 42/2022/NĐ-CP). */
export enum ProcedureLevel {
  FULL_ONLINE = 'FULL_ONLINE',
  PARTIAL_ONLINE = 'PARTIAL_ONLINE',
}
registerEnumType(ProcedureLevel, {
  name: 'ProcedureLevel',
  description: 'How far a procedure can be done online (mức độ dịch vụ công trực tuyến)',
  valuesConfig: {
    FULL_ONLINE: { description: 'Fully online: filed, paid and answered online (toàn trình)' },
    PARTIAL_ONLINE: { description: 'Partly online: some step needs the desk (một phần)' },
  },
});

/** Where a dossier was filed. */
export enum DossierChannel {
  ONLINE = 'ONLINE',
  DESK = 'DESK',
}
registerEnumType(DossierChannel, {
  name: 'DossierChannel',
  description: 'Where a dossier was filed (kênh tiếp nhận)',
  valuesConfig: {
    ONLINE: { description: 'On the online public service portal (trực tuyến)' },
    DESK: { description: 'At the one-stop-shop desk or by post (trực tiếp, bưu chính)' },
  },
});

/** Where a dossier stands in the one-stop-shop system; it moves RECEIVED → FINISHED or RETURNED. */
export enum DossierStatus {
  RECEIVED = 'RECEIVED',
  FINISHED = 'FINISHED',
  RETURNED = 'RETURNED',
}
registerEnumType(DossierStatus, {
  name: 'DossierStatus',
  description: 'Where a dossier stands (trạng thái hồ sơ)',
  valuesConfig: {
    RECEIVED: { description: 'Received, being handled (đang giải quyết)' },
    FINISHED: { description: 'Handled, result given (đã giải quyết, trả kết quả)' },
    RETURNED: { description: 'Returned to the applicant unhandled: incomplete, withdrawn or refused (trả lại, rút hồ sơ)' },
  },
});

/** The bucket of a time series, aligned to Asia/Ho_Chi_Minh (shared by every subgraph). */
export { SeriesBucket as Bucket } from '@ioc-graph/platform';

export { Severity } from '@ioc-graph/platform';
