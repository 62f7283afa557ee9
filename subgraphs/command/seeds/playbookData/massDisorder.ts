import { EmergencyType } from '../../src/vocabulary';
import { checklist, phase, ResourceKind as R, resources, tasks, type PlaybookSeed } from '../playbookRows';

/** Tụ tập đông người, gây rối: mass complaints, labour disputes at factories, disorder at risk of turning violent. */
export const massDisorder: PlaybookSeed = {
  code: 'MASS_GATHERING_DISORDER',
  emergencyType: EmergencyType.MASS_DISORDER,
  nameVi: 'Xử lý tụ tập đông người, gây rối an ninh trật tự',
  nameEn: 'Mass gathering and public disorder',
  descriptionVi:
    'Áp dụng khi có tụ tập đông người kéo dài, khiếu kiện đông người, tranh chấp lao động tập thể tại doanh nghiệp, hoặc gây rối trật tự công cộng có nguy cơ bạo loạn.',
  categoryCodes: ['SEC_PUBLIC_DISORDER'],
  phases: [
    phase('ASSESS', 'Nắm tình hình', 'Situation assessment'),
    phase('RESPOND', 'Giải tỏa, ổn định', 'Dispersal and stabilisation'),
    phase('RESOLVE', 'Giải quyết kiến nghị, ổn định lâu dài', 'Settling the grievances'),
  ],
  taskTemplates: tasks([
    [
      'ASSESS',
      'CA-BP',
      30,
      'Nắm tình hình: số người, đối tượng cầm đầu, kích động; bảo vệ mục tiêu trọng điểm',
      'Assess numbers, leaders and instigators; guard key sites',
    ],
    [
      'ASSESS',
      'IOC-BP',
      15,
      'Theo dõi camera giám sát khu vực; cập nhật hình ảnh cho Ban Chỉ đạo',
      'Watch the area’s cameras; feed images to the steering board',
    ],
    [
      'ASSESS',
      'PEOPLES_COMMITTEE',
      60,
      'Cử lãnh đạo đến hiện trường đối thoại, tiếp nhận kiến nghị',
      'Send leaders to the scene to talk and receive the grievances',
    ],
    [
      'ASSESS',
      'STTTT-BP',
      60,
      'Theo dõi, xử lý thông tin sai sự thật trên mạng xã hội; định hướng thông tin báo chí',
      'Counter false information on social media; brief the press',
    ],
    [
      'RESPOND',
      'CA-BP',
      30,
      'Giải tỏa tụ tập, bảo đảm giao thông; xử lý đối tượng vi phạm pháp luật',
      'Disperse the gathering, keep traffic moving, deal with offenders',
    ],
    ['RESPOND', 'CC115-BP', 30, 'Bố trí kíp cấp cứu dự phòng gần hiện trường', 'Keep an ambulance crew on standby near the scene'],
    [
      'RESPOND',
      'BCHQS-BP',
      60,
      'Sẵn sàng lực lượng cơ động bảo vệ cơ quan, mục tiêu trọng yếu',
      'Keep mobile forces ready to protect government buildings and key sites',
    ],
    [
      'RESOLVE',
      'UBND-BP',
      4320,
      'Chỉ đạo giải quyết dứt điểm kiến nghị chính đáng; trả lời công khai',
      'Direct the settlement of legitimate grievances; answer publicly',
    ],
    [
      'RESOLVE',
      'SLDTBXH-BP',
      2880,
      'Giải quyết chế độ cho người lao động khi nguyên nhân là tranh chấp lao động',
      'Settle workers’ entitlements when a labour dispute is the cause',
    ],
  ]),
  requiredResources: resources([
    [R.POLICE_FORCE, 150, 'người'],
    [R.AMBULANCE, 2],
    [R.DRONE, 2, 'quan sát, ghi hình'],
    [R.COMMUNICATIONS, 2, 'xe thông tin, loa phóng thanh'],
    [R.TRUCK, 4],
  ]),
  checklist: checklist([
    ['Không để hình thành điểm nóng: đối thoại trước, cưỡng chế sau', 'Prevent flashpoints: dialogue first, force last'],
    ['Ghi hình toàn bộ diễn biến làm căn cứ xử lý', 'Record everything as evidence'],
    [
      'Bảo vệ trụ sở cơ quan nhà nước, doanh nghiệp và tài sản của người dân',
      'Protect government offices, businesses and residents’ property',
    ],
    ['Thống nhất một đầu mối phát ngôn với báo chí', 'One spokesperson for the press'],
  ]),
};
