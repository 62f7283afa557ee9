import type { Locale } from './services';

/** Where a citizen report stands, as the hub says it (CitizenReportStatus). */
export type CitizenReportStatus = 'RECEIVED' | 'IN_PROGRESS' | 'RESOLVED' | 'CLOSED' | 'DISMISSED';

/** A citizen report as the `Open311Request` fragment reads it: nothing of the reporter is asked for. */
export interface Open311Report {
  trackingCode: string;
  status: CitizenReportStatus;
  statusReason: string | null;
  receivedAt: string;
  updatedAt: string;
  dueAt: string | null;
  description: string;
  place: string | null;
  location: { latitude: number; longitude: number } | null;
  photoUrls: string[];
  category: { code: string; nameVi: string; nameEn: string };
  agency: { nameVi: string } | null;
  publicIncident: { result: string; resolvedAt: string; unit: { code: string | null } | null } | null;
}

export interface RequestsByCodeData {
  citizenReports: Open311Report[];
}

export interface PublishedRequestsData {
  publishedCitizenReports: { edges: { node: Open311Report }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
}

/**
 * Every state of a citizen report as Open311's two (`open`: the center or an agency still has it to do;
 * `closed`: nothing more will be done), with the words of `status_notes`. A new hub state fails the
 * build here until it is placed.
 */
export const STATUS_OF: Record<CitizenReportStatus, { status: 'open' | 'closed'; vi: string; en: string }> = {
  RECEIVED: { status: 'open', vi: 'Đã tiếp nhận, đang xác minh', en: 'Received, being verified' },
  IN_PROGRESS: { status: 'open', vi: 'Đang xử lý', en: 'Being handled' },
  RESOLVED: { status: 'closed', vi: 'Đã xử lý, có kết quả công khai', en: 'Handled, with a published result' },
  CLOSED: { status: 'closed', vi: 'Đã đóng', en: 'Closed' },
  DISMISSED: { status: 'closed', vi: 'Không xử lý', en: 'Not handled' },
};

/** The text every created request is answered with: how to follow it. */
export const serviceNotice = (locale: Locale) =>
  locale === 'en'
    ? 'Keep the service_request_id: it is your tracking code to follow the report.'
    : 'Giữ mã service_request_id: đây là mã theo dõi phản ánh của bạn.';

/**
 * A citizen report as an Open311 service request: the public text only (the published summary once
 * published), never the reporter; `status_notes` says the state in words and the agency's published
 * result or the reason it was not handled.
 */
export function toServiceRequest(report: Open311Report, locale: Locale) {
  const state = STATUS_OF[report.status];
  const notes = [state[locale], report.publicIncident?.result, report.statusReason].filter((note) => note && note.trim());
  return {
    service_request_id: report.trackingCode,
    status: state.status,
    status_notes: notes.join(' — '),
    service_name: locale === 'en' ? report.category.nameEn : report.category.nameVi,
    service_code: report.category.code,
    description: report.description,
    agency_responsible: report.agency?.nameVi ?? null,
    service_notice: null,
    requested_datetime: report.receivedAt,
    updated_datetime: report.updatedAt,
    expected_datetime: report.dueAt,
    address: report.place,
    address_id: null,
    zipcode: null,
    lat: report.location?.latitude ?? null,
    long: report.location?.longitude ?? null,
    media_url: report.photoUrls[0] ?? null,
  };
}
