import { ProcedureLevel } from '../src/vocabulary';

export interface ProcedureSeed {
  /** Its code in the national database of administrative procedures (Cơ sở dữ liệu quốc gia về TTHC). */
  code: string;
  nameVi: string;
  nameEn: string;
  level: ProcedureLevel;
  /** Statutory processing time, in working days. */
  processingDays: number;
  /** The directory code of the agency that handles it. */
  agency: string;
}

const { FULL_ONLINE, PARTIAL_ONLINE } = ProcedureLevel;

/** Procedures most filed in Bình Phước's one-stop-shop system, as published on the national public service portal. */
export const procedures: ProcedureSeed[] = [
  {
    code: '2.001417',
    nameVi: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
    nameEn: 'Issuing a criminal record certificate to Vietnamese citizens and foreigners residing in Vietnam',
    level: FULL_ONLINE,
    processingDays: 10,
    agency: 'STP-BP',
  },
  {
    code: '2.000635',
    nameVi: 'Cấp bản sao trích lục hộ tịch',
    nameEn: 'Issuing a copy of a civil status extract',
    level: FULL_ONLINE,
    processingDays: 1,
    agency: 'STP-BP',
  },
  {
    code: '1.001612',
    nameVi: 'Đăng ký thành lập doanh nghiệp tư nhân',
    nameEn: 'Registering the establishment of a private enterprise',
    level: FULL_ONLINE,
    processingDays: 3,
    agency: 'SKHDT-BP',
  },
  {
    code: '2.002037',
    nameVi: 'Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên',
    nameEn: 'Registering the establishment of a single-member limited liability company',
    level: FULL_ONLINE,
    processingDays: 3,
    agency: 'SKHDT-BP',
  },
  {
    code: '1.004227',
    nameVi:
      'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu',
    nameEn: 'First registration of land and attached assets and issuing a land use right certificate',
    level: PARTIAL_ONLINE,
    processingDays: 20,
    agency: 'SNNMT-BP',
  },
  {
    code: '1.003010',
    nameVi: 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
    nameEn: 'Registering changes of land use rights and ownership of attached assets',
    level: PARTIAL_ONLINE,
    processingDays: 10,
    agency: 'SNNMT-BP',
  },
  {
    code: '1.009974',
    nameVi: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
    nameEn: 'Issuing a building permit for a detached house',
    level: PARTIAL_ONLINE,
    processingDays: 15,
    agency: 'UBND-DX',
  },
  {
    code: '1.001193',
    nameVi: 'Đăng ký khai sinh',
    nameEn: 'Birth registration',
    level: FULL_ONLINE,
    processingDays: 1,
    agency: 'UBND-TANPHU',
  },
  {
    code: '2.001947',
    nameVi: 'Cấp giấy phép lái xe (đổi giấy phép lái xe do ngành Giao thông vận tải cấp)',
    nameEn: 'Renewing a driving licence issued by the transport sector',
    level: FULL_ONLINE,
    processingDays: 5,
    agency: 'SGTVT-BP',
  },
];
