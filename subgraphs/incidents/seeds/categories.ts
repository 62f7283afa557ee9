/**
 * Incident categories of the Bình Phước IOC, by sector: what citizens may report on the "phản ánh hiện
 * trường" platform, and what sector systems (cameras, sensors, the public service portal) raise themselves.
 *
 * Deadlines: emergencies are handled on the spot (IMMEDIATE) and large-scale events are directed from the
 * center (COMMAND), both counted in calendar minutes; everything else is assigned to an agency with a
 * deadline in working time (one working day = 480 minutes).
 */
import { Process, Sector, Severity } from '../src/vocabulary';

export interface CategorySeed {
  /** UPPER_SNAKE, unique, prefixed by the sector's short code (SEC, URB, EMG, EGOV, TRF, ENV, HLT). */
  code: string;
  sector: Sector;
  /** Vietnamese with diacritics, as the center labels it. */
  nameVi: string;
  nameEn: string;
  defaultProcess: Process;
  defaultSeverity: Severity;
  /** Deadline for handling: minutes of working time when slaInWorkingTime, else of calendar time. */
  slaMinutes: number;
  slaInWorkingTime: boolean;
  /** Citizens may choose it when they report a problem (phản ánh hiện trường). */
  citizenReportable: boolean;
  /** The kind of agency usually competent (one of: PROVINCIAL_DEPARTMENT, POLICE, FIRE_AND_RESCUE, HEALTH, MILITARY, PEOPLES_COMMITTEE, PUBLIC_SERVICE). */
  competentAgencyKind: string;
}

const WORKING_DAY = 8 * 60;
const { TIMED, IMMEDIATE, COMMAND } = Process;
const { EXTREME, SEVERE, MODERATE, MINOR } = Severity;

export const categories: CategorySeed[] = [
  // An ninh trật tự
  { code: 'SEC_PUBLIC_DISORDER', sector: Sector.SECURITY, nameVi: 'Gây rối trật tự công cộng, đánh nhau', nameEn: 'Public disorder, fighting', defaultProcess: IMMEDIATE, defaultSeverity: MODERATE, slaMinutes: 30, slaInWorkingTime: false, citizenReportable: true, competentAgencyKind: 'POLICE' },
  { code: 'SEC_THEFT', sector: Sector.SECURITY, nameVi: 'Trộm cắp, cướp giật tài sản', nameEn: 'Theft, snatching in progress', defaultProcess: IMMEDIATE, defaultSeverity: MODERATE, slaMinutes: 30, slaInWorkingTime: false, citizenReportable: true, competentAgencyKind: 'POLICE' },
  { code: 'SEC_SOCIAL_EVILS', sector: Sector.SECURITY, nameVi: 'Cờ bạc, ma túy, mại dâm và tệ nạn xã hội khác', nameEn: 'Gambling, drugs, prostitution and other social evils', defaultProcess: TIMED, defaultSeverity: MODERATE, slaMinutes: 5 * WORKING_DAY, slaInWorkingTime: true, citizenReportable: true, competentAgencyKind: 'POLICE' },

  // Trật tự đô thị
  { code: 'URB_ILLEGAL_CONSTRUCTION', sector: Sector.URBAN_ORDER, nameVi: 'Xây dựng không phép, sai phép', nameEn: 'Construction without or against permit', defaultProcess: TIMED, defaultSeverity: MODERATE, slaMinutes: 10 * WORKING_DAY, slaInWorkingTime: true, citizenReportable: true, competentAgencyKind: 'PEOPLES_COMMITTEE' },
  { code: 'URB_SIDEWALK_ENCROACHMENT', sector: Sector.URBAN_ORDER, nameVi: 'Lấn chiếm vỉa hè, lòng đường', nameEn: 'Encroachment on sidewalks and roadways', defaultProcess: TIMED, defaultSeverity: MINOR, slaMinutes: 5 * WORKING_DAY, slaInWorkingTime: true, citizenReportable: true, competentAgencyKind: 'PEOPLES_COMMITTEE' },
  { code: 'URB_ILLEGAL_ADVERTISING', sector: Sector.URBAN_ORDER, nameVi: 'Quảng cáo, rao vặt trái phép', nameEn: 'Illegal advertising and flyposting', defaultProcess: TIMED, defaultSeverity: MINOR, slaMinutes: 5 * WORKING_DAY, slaInWorkingTime: true, citizenReportable: true, competentAgencyKind: 'PEOPLES_COMMITTEE' },
  { code: 'URB_STREET_LIGHT_BROKEN', sector: Sector.URBAN_ORDER, nameVi: 'Đèn chiếu sáng công cộng hư hỏng', nameEn: 'Broken street light', defaultProcess: TIMED, defaultSeverity: MINOR, slaMinutes: 3 * WORKING_DAY, slaInWorkingTime: true, citizenReportable: true, competentAgencyKind: 'PUBLIC_SERVICE' },
  { code: 'URB_FALLEN_TREE', sector: Sector.URBAN_ORDER, nameVi: 'Cây xanh gãy đổ, nguy cơ ngã đổ', nameEn: 'Fallen or unsafe tree', defaultProcess: TIMED, defaultSeverity: MODERATE, slaMinutes: 2 * WORKING_DAY, slaInWorkingTime: true, citizenReportable: true, competentAgencyKind: 'PUBLIC_SERVICE' },
  { code: 'URB_FLOODING', sector: Sector.URBAN_ORDER, nameVi: 'Ngập úng, tắc nghẽn cống thoát nước', nameEn: 'Waterlogging, blocked drains', defaultProcess: TIMED, defaultSeverity: MODERATE, slaMinutes: 3 * WORKING_DAY, slaInWorkingTime: true, citizenReportable: true, competentAgencyKind: 'PUBLIC_SERVICE' },

  // Cứu nạn cứu hộ, phòng cháy chữa cháy, phòng chống thiên tai
  { code: 'EMG_FIRE', sector: Sector.EMERGENCY, nameVi: 'Cháy, nổ', nameEn: 'Fire, explosion', defaultProcess: IMMEDIATE, defaultSeverity: EXTREME, slaMinutes: 15, slaInWorkingTime: false, citizenReportable: true, competentAgencyKind: 'FIRE_AND_RESCUE' },
  { code: 'EMG_DROWNING', sector: Sector.EMERGENCY, nameVi: 'Đuối nước, cứu nạn trên sông, hồ', nameEn: 'Drowning, water rescue', defaultProcess: IMMEDIATE, defaultSeverity: EXTREME, slaMinutes: 15, slaInWorkingTime: false, citizenReportable: true, competentAgencyKind: 'FIRE_AND_RESCUE' },
  { code: 'EMG_FOREST_FIRE', sector: Sector.EMERGENCY, nameVi: 'Cháy rừng, cháy vườn cao su, điều', nameEn: 'Forest or plantation fire', defaultProcess: COMMAND, defaultSeverity: EXTREME, slaMinutes: 30, slaInWorkingTime: false, citizenReportable: true, competentAgencyKind: 'PROVINCIAL_DEPARTMENT' },
  { code: 'EMG_LANDSLIDE', sector: Sector.EMERGENCY, nameVi: 'Sạt lở đất, sạt lở bờ sông', nameEn: 'Landslide, riverbank collapse', defaultProcess: COMMAND, defaultSeverity: SEVERE, slaMinutes: 60, slaInWorkingTime: false, citizenReportable: true, competentAgencyKind: 'MILITARY' },
  { code: 'EMG_WATER_LEVEL_ALARM', sector: Sector.EMERGENCY, nameVi: 'Mực nước sông, hồ vượt mức báo động', nameEn: 'River or reservoir level above alarm threshold', defaultProcess: COMMAND, defaultSeverity: SEVERE, slaMinutes: 60, slaInWorkingTime: false, citizenReportable: false, competentAgencyKind: 'PROVINCIAL_DEPARTMENT' },

  // Chính quyền số
  { code: 'EGOV_DOSSIER_OVERDUE', sector: Sector.E_GOVERNMENT, nameVi: 'Hồ sơ dịch vụ công trễ hạn', nameEn: 'Public service dossier overdue', defaultProcess: TIMED, defaultSeverity: MODERATE, slaMinutes: 2 * WORKING_DAY, slaInWorkingTime: true, citizenReportable: false, competentAgencyKind: 'PEOPLES_COMMITTEE' },
  { code: 'EGOV_ONLINE_SERVICE_OUTAGE', sector: Sector.E_GOVERNMENT, nameVi: 'Gián đoạn Cổng dịch vụ công trực tuyến', nameEn: 'Online public service outage', defaultProcess: TIMED, defaultSeverity: SEVERE, slaMinutes: WORKING_DAY / 2, slaInWorkingTime: true, citizenReportable: false, competentAgencyKind: 'PUBLIC_SERVICE' },
  { code: 'EGOV_ADMIN_PROCEDURE', sector: Sector.E_GOVERNMENT, nameVi: 'Phản ánh, kiến nghị về thủ tục hành chính', nameEn: 'Feedback on administrative procedures', defaultProcess: TIMED, defaultSeverity: MINOR, slaMinutes: 10 * WORKING_DAY, slaInWorkingTime: true, citizenReportable: true, competentAgencyKind: 'PROVINCIAL_DEPARTMENT' },

  // Giao thông
  { code: 'TRF_ACCIDENT', sector: Sector.TRAFFIC, nameVi: 'Tai nạn giao thông', nameEn: 'Traffic accident', defaultProcess: IMMEDIATE, defaultSeverity: SEVERE, slaMinutes: 15, slaInWorkingTime: false, citizenReportable: true, competentAgencyKind: 'POLICE' },
  // Raised by cameras; handled on the spot by traffic police directing traffic, not with a deadline in days.
  { code: 'TRF_CONGESTION', sector: Sector.TRAFFIC, nameVi: 'Ùn tắc giao thông', nameEn: 'Traffic congestion', defaultProcess: IMMEDIATE, defaultSeverity: MODERATE, slaMinutes: 30, slaInWorkingTime: false, citizenReportable: false, competentAgencyKind: 'POLICE' },
  { code: 'TRF_ROAD_DAMAGE', sector: Sector.TRAFFIC, nameVi: 'Hư hỏng mặt đường, ổ gà, sụt lún', nameEn: 'Damaged road surface, potholes, subsidence', defaultProcess: TIMED, defaultSeverity: MODERATE, slaMinutes: 7 * WORKING_DAY, slaInWorkingTime: true, citizenReportable: true, competentAgencyKind: 'PROVINCIAL_DEPARTMENT' },
  { code: 'TRF_SIGNAL_FAILURE', sector: Sector.TRAFFIC, nameVi: 'Đèn tín hiệu giao thông hư hỏng', nameEn: 'Traffic light failure', defaultProcess: TIMED, defaultSeverity: MODERATE, slaMinutes: WORKING_DAY, slaInWorkingTime: true, citizenReportable: true, competentAgencyKind: 'PUBLIC_SERVICE' },
  { code: 'TRF_CAMERA_VIOLATION', sector: Sector.TRAFFIC, nameVi: 'Vi phạm giao thông phát hiện qua camera', nameEn: 'Camera-detected traffic violation', defaultProcess: TIMED, defaultSeverity: MINOR, slaMinutes: 5 * WORKING_DAY, slaInWorkingTime: true, citizenReportable: false, competentAgencyKind: 'POLICE' },
  { code: 'TRF_CAMERA_OFFLINE', sector: Sector.TRAFFIC, nameVi: 'Camera giám sát giao thông mất kết nối', nameEn: 'Traffic camera offline', defaultProcess: TIMED, defaultSeverity: MINOR, slaMinutes: WORKING_DAY, slaInWorkingTime: true, citizenReportable: false, competentAgencyKind: 'PROVINCIAL_DEPARTMENT' },
  { code: 'TRF_STRAY_LIVESTOCK', sector: Sector.TRAFFIC, nameVi: 'Thả rông gia súc, động vật trên đường', nameEn: 'Stray animals or livestock on roads', defaultProcess: TIMED, defaultSeverity: MINOR, slaMinutes: 3 * WORKING_DAY, slaInWorkingTime: true, citizenReportable: true, competentAgencyKind: 'PEOPLES_COMMITTEE' },

  // Môi trường
  { code: 'ENV_UNCOLLECTED_WASTE', sector: Sector.ENVIRONMENT, nameVi: 'Rác thải không được thu gom', nameEn: 'Uncollected waste', defaultProcess: TIMED, defaultSeverity: MINOR, slaMinutes: 2 * WORKING_DAY, slaInWorkingTime: true, citizenReportable: true, competentAgencyKind: 'PUBLIC_SERVICE' },
  { code: 'ENV_ILLEGAL_DUMPING', sector: Sector.ENVIRONMENT, nameVi: 'Đổ trộm rác thải, xà bần', nameEn: 'Illegal dumping of waste or rubble', defaultProcess: TIMED, defaultSeverity: MINOR, slaMinutes: 5 * WORKING_DAY, slaInWorkingTime: true, citizenReportable: true, competentAgencyKind: 'PEOPLES_COMMITTEE' },
  { code: 'ENV_AIR_POLLUTION', sector: Sector.ENVIRONMENT, nameVi: 'Ô nhiễm không khí, khói bụi, mùi hôi', nameEn: 'Air pollution, smoke, dust, odour', defaultProcess: TIMED, defaultSeverity: MODERATE, slaMinutes: 10 * WORKING_DAY, slaInWorkingTime: true, citizenReportable: true, competentAgencyKind: 'PROVINCIAL_DEPARTMENT' },
  { code: 'ENV_WATER_POLLUTION', sector: Sector.ENVIRONMENT, nameVi: 'Ô nhiễm nguồn nước, xả thải trái phép', nameEn: 'Water pollution, illegal discharge', defaultProcess: TIMED, defaultSeverity: MODERATE, slaMinutes: 10 * WORKING_DAY, slaInWorkingTime: true, citizenReportable: true, competentAgencyKind: 'PROVINCIAL_DEPARTMENT' },
  { code: 'ENV_NOISE', sector: Sector.ENVIRONMENT, nameVi: 'Tiếng ồn, karaoke gây ồn', nameEn: 'Noise, loud karaoke', defaultProcess: TIMED, defaultSeverity: MINOR, slaMinutes: 2 * WORKING_DAY, slaInWorkingTime: true, citizenReportable: true, competentAgencyKind: 'POLICE' },
  { code: 'ENV_ILLEGAL_LOGGING', sector: Sector.ENVIRONMENT, nameVi: 'Khai thác rừng trái phép, phá rừng, lấn chiếm đất rừng', nameEn: 'Illegal logging, deforestation, forest land encroachment', defaultProcess: TIMED, defaultSeverity: SEVERE, slaMinutes: 5 * WORKING_DAY, slaInWorkingTime: true, citizenReportable: true, competentAgencyKind: 'PROVINCIAL_DEPARTMENT' },
  { code: 'ENV_ILLEGAL_SAND_MINING', sector: Sector.ENVIRONMENT, nameVi: 'Khai thác cát, khoáng sản trái phép', nameEn: 'Illegal sand or mineral mining', defaultProcess: TIMED, defaultSeverity: MODERATE, slaMinutes: 5 * WORKING_DAY, slaInWorkingTime: true, citizenReportable: true, competentAgencyKind: 'PEOPLES_COMMITTEE' },
  { code: 'ENV_AQI_EXCEEDANCE', sector: Sector.ENVIRONMENT, nameVi: 'Chỉ số chất lượng không khí (AQI) vượt ngưỡng', nameEn: 'Air quality index above threshold', defaultProcess: TIMED, defaultSeverity: MODERATE, slaMinutes: 2 * WORKING_DAY, slaInWorkingTime: true, citizenReportable: false, competentAgencyKind: 'PROVINCIAL_DEPARTMENT' },

  // Y tế
  { code: 'HLT_MEDICAL_EMERGENCY', sector: Sector.HEALTH, nameVi: 'Cấp cứu y tế', nameEn: 'Medical emergency', defaultProcess: IMMEDIATE, defaultSeverity: SEVERE, slaMinutes: 15, slaInWorkingTime: false, citizenReportable: true, competentAgencyKind: 'HEALTH' },
  // The Ministry of Health's dengue guideline asks for an outbreak focus to be treated within 48 hours.
  { code: 'HLT_DISEASE_OUTBREAK', sector: Sector.HEALTH, nameVi: 'Dịch bệnh (sốt xuất huyết, tay chân miệng…)', nameEn: 'Disease outbreak (dengue, hand-foot-mouth…)', defaultProcess: COMMAND, defaultSeverity: SEVERE, slaMinutes: 48 * 60, slaInWorkingTime: false, citizenReportable: true, competentAgencyKind: 'HEALTH' },
  { code: 'HLT_FOOD_SAFETY', sector: Sector.HEALTH, nameVi: 'Vi phạm an toàn thực phẩm', nameEn: 'Food safety violation', defaultProcess: TIMED, defaultSeverity: MODERATE, slaMinutes: 5 * WORKING_DAY, slaInWorkingTime: true, citizenReportable: true, competentAgencyKind: 'HEALTH' },
  { code: 'HLT_HEALTHCARE_SERVICE', sector: Sector.HEALTH, nameVi: 'Chất lượng khám chữa bệnh, thái độ phục vụ của nhân viên y tế', nameEn: 'Quality of care, conduct of health staff', defaultProcess: TIMED, defaultSeverity: MINOR, slaMinutes: 10 * WORKING_DAY, slaInWorkingTime: true, citizenReportable: true, competentAgencyKind: 'HEALTH' },
];
