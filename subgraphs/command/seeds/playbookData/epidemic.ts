import { EmergencyType } from '../../src/vocabulary';
import { checklist, phase, ResourceKind as R, resources, tasks, type PlaybookSeed } from '../playbookRows';

/** Dịch sốt xuất huyết Dengue: the rainy season's outbreaks, fought house by house and by spraying. */
export const epidemic: PlaybookSeed = {
  code: 'EPIDEMIC_DENGUE',
  emergencyType: EmergencyType.EPIDEMIC,
  nameVi: 'Phòng, chống dịch sốt xuất huyết Dengue',
  nameEn: 'Dengue fever outbreak control',
  descriptionVi:
    'Áp dụng khi ghi nhận ổ dịch sốt xuất huyết (từ 2 ca bệnh trở lên trong 14 ngày tại một khu vực) hoặc số ca mắc vượt ngưỡng cảnh báo, nhất là trong mùa mưa.',
  categoryCodes: ['HLT_DISEASE_OUTBREAK'],
  phases: [
    phase('INVESTIGATE', 'Điều tra, khoanh vùng ổ dịch', 'Investigating and mapping the outbreak'),
    phase('CONTROL', 'Xử lý ổ dịch', 'Outbreak control'),
    phase('SURVEILLANCE', 'Giám sát sau xử lý', 'Surveillance after control'),
  ],
  taskTemplates: tasks([
    [
      'INVESTIGATE',
      'SYT-BP',
      2880,
      'Điều tra dịch tễ, khoanh vùng ổ dịch trong vòng 48 giờ',
      'Investigate the cases and map the outbreak within 48 hours',
    ],
    [
      'INVESTIGATE',
      'PEOPLES_COMMITTEE',
      1440,
      'Huy động đoàn thể, tổ dân phố diệt lăng quăng, bọ gậy; loại bỏ vật chứa nước',
      'Get neighbourhoods to destroy larvae and remove water containers',
    ],
    [
      'INVESTIGATE',
      'STTTT-BP',
      1440,
      'Truyền thông phòng chống sốt xuất huyết trên báo, đài, mạng xã hội',
      'Run a dengue prevention campaign in the press, radio and social media',
    ],
    [
      'CONTROL',
      'SYT-BP',
      2880,
      'Phun hóa chất diệt muỗi tại ổ dịch (2 đợt cách nhau 7–10 ngày)',
      'Spray insecticide in the outbreak area (2 rounds 7–10 days apart)',
    ],
    [
      'CONTROL',
      'SYT-BP',
      1440,
      'Chuẩn bị giường bệnh, thuốc, dịch truyền; phân tuyến điều trị, hạn chế tử vong',
      'Ready beds, drugs and IV fluids; triage treatment to prevent deaths',
    ],
    [
      'CONTROL',
      'SNNMT-BP',
      2880,
      'Vệ sinh môi trường; thu gom rác thải, vật dụng phế thải đọng nước',
      'Clean up; collect rubbish and discarded items that hold water',
    ],
    [
      'SURVEILLANCE',
      'SYT-BP',
      20160,
      'Giám sát ca bệnh mới trong 14 ngày sau xử lý; đề xuất công bố hết dịch',
      'Watch for new cases for 14 days after control; propose declaring the outbreak over',
    ],
  ]),
  requiredResources: resources([
    [R.SPRAYER, 20, 'máy phun đeo vai'],
    [R.MEDICAL_TEAM, 6, 'đội phun, đội giám sát'],
    [R.TRUCK, 2],
    [R.COMMUNICATIONS, 1, 'xe tuyên truyền lưu động'],
  ]),
  checklist: checklist([
    ['Xác định ca bệnh chỉ điểm và phạm vi ổ dịch (bán kính 200 m)', 'Find the index case and the outbreak radius (200 m)'],
    ['Thông báo lịch phun hóa chất cho người dân trước 24 giờ', 'Announce spraying to residents 24 hours ahead'],
    ['Đo chỉ số lăng quăng (Breteau) trước và sau chiến dịch', 'Measure the Breteau larval index before and after the campaign'],
    [
      'Báo cáo ca bệnh hằng ngày trên hệ thống giám sát bệnh truyền nhiễm',
      'Report cases daily in the communicable disease surveillance system',
    ],
  ]),
};
