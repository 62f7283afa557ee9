import { registerEnumType } from 'type-graphql';

/** What a report of the 113 line or of a patrol is about. */
export enum SecurityCategory {
  THEFT = 'THEFT',
  ROBBERY = 'ROBBERY',
  AFFRAY = 'AFFRAY',
  PUBLIC_DISORDER = 'PUBLIC_DISORDER',
  GAMBLING = 'GAMBLING',
  DRUGS = 'DRUGS',
  TRAFFIC_DISORDER = 'TRAFFIC_DISORDER',
}

/** Each category's names and the incidents category its hotspot alerts are filed under. */
export const SECURITY_CATEGORIES: Record<SecurityCategory, { nameVi: string; nameEn: string; incidentCategory: string }> = {
  THEFT: { nameVi: 'Trộm cắp tài sản', nameEn: 'Theft', incidentCategory: 'SEC_THEFT' },
  ROBBERY: { nameVi: 'Cướp, cướp giật tài sản', nameEn: 'Robbery and snatching', incidentCategory: 'SEC_THEFT' },
  AFFRAY: { nameVi: 'Đánh nhau, cố ý gây thương tích', nameEn: 'Affray, fighting', incidentCategory: 'SEC_PUBLIC_DISORDER' },
  PUBLIC_DISORDER: { nameVi: 'Gây rối trật tự công cộng', nameEn: 'Public disorder', incidentCategory: 'SEC_PUBLIC_DISORDER' },
  GAMBLING: { nameVi: 'Đánh bạc, tổ chức đánh bạc', nameEn: 'Gambling', incidentCategory: 'SEC_SOCIAL_EVILS' },
  DRUGS: { nameVi: 'Ma túy', nameEn: 'Drugs', incidentCategory: 'SEC_SOCIAL_EVILS' },
  TRAFFIC_DISORDER: {
    nameVi: 'Gây rối trật tự liên quan giao thông: đua xe, tụ tập gây rối',
    nameEn: 'Traffic-related disorder: street racing, rowdy gatherings',
    incidentCategory: 'SEC_PUBLIC_DISORDER',
  },
};
registerEnumType(SecurityCategory, {
  name: 'SecurityCategory',
  description: 'What a security report is about (loại tin báo an ninh trật tự); names in `securityCategories`',
  valuesConfig: Object.fromEntries(
    Object.entries(SECURITY_CATEGORIES).map(([code, c]) => [code, { description: `${c.nameEn} (${c.nameVi})` }]),
  ),
});

/** How the police heard of it. */
export enum ReportChannel {
  HOTLINE_113 = 'HOTLINE_113',
  PATROL = 'PATROL',
}
registerEnumType(ReportChannel, {
  name: 'ReportChannel',
  description: 'How the police heard of a case (nguồn tin)',
  valuesConfig: {
    HOTLINE_113: { description: 'A call to the 113 line (tổng đài 113)' },
    PATROL: { description: 'Found by a patrol (tuần tra phát hiện)' },
  },
});

/** Where the police system says a case stands. */
export enum ReportStatus {
  RECEIVED = 'RECEIVED',
  VERIFYING = 'VERIFYING',
  HANDLING = 'HANDLING',
  RESOLVED = 'RESOLVED',
  TRANSFERRED = 'TRANSFERRED',
  UNFOUNDED = 'UNFOUNDED',
}
registerEnumType(ReportStatus, {
  name: 'ReportStatus',
  description: 'Where the police system says a case stands (tình trạng xử lý)',
  valuesConfig: {
    RECEIVED: { description: 'Received (đã tiếp nhận)' },
    VERIFYING: { description: 'Being verified (đang xác minh)' },
    HANDLING: { description: 'Being handled (đang xử lý)' },
    RESOLVED: { description: 'Resolved (đã giải quyết)' },
    TRANSFERRED: { description: 'Transferred to another body (đã chuyển cơ quan khác)' },
    UNFOUNDED: { description: 'Unfounded: a false report (tin báo không có thật)' },
  },
});

export { SeriesBucket as Bucket, Severity } from '@ioc-graph/platform';
