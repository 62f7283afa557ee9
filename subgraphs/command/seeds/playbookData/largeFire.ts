import { EmergencyType } from '../../src/vocabulary';
import { checklist, phase, ResourceKind as R, resources, tasks, type PlaybookSeed } from '../playbookRows';

/** Cháy lớn: factories and chemical stores of the industrial parks, forests and rubber plantations in the dry season. */
export const largeFire: PlaybookSeed = {
  code: 'LARGE_FIRE_INDUSTRIAL_PLANTATION',
  emergencyType: EmergencyType.LARGE_FIRE,
  nameVi: 'Chữa cháy lớn tại khu công nghiệp, rừng và vườn cao su',
  nameEn: 'Large fire at an industrial park, forest or rubber plantation',
  descriptionVi:
    'Áp dụng với đám cháy vượt khả năng lực lượng tại chỗ: cháy nhà xưởng, kho hóa chất trong khu công nghiệp (Minh Hưng – Chơn Thành, Đồng Xoài, Bắc Đồng Phú…); cháy rừng, vườn cao su, vườn điều trong mùa khô.',
  categoryCodes: ['EMG_FIRE', 'EMG_FOREST_FIRE'],
  phases: [
    phase('ATTACK', 'Chữa cháy, cứu người', 'Firefighting and rescue'),
    phase('CONTAIN', 'Khống chế, chống cháy lan, cháy lại', 'Containment against spread and rekindling'),
    phase('RECOVERY', 'Khắc phục, điều tra nguyên nhân', 'Recovery and investigation'),
  ],
  taskTemplates: tasks([
    [
      'ATTACK',
      'PCCC-BP',
      15,
      'Điều động xe chữa cháy; chỉ huy chữa cháy và cứu người tại hiện trường',
      'Dispatch fire engines; command firefighting and rescue on scene',
    ],
    [
      'ATTACK',
      'CC115-BP',
      15,
      'Điều xe cứu thương; cấp cứu người bị nạn, bỏng, ngạt khói',
      'Send ambulances; treat casualties, burns and smoke inhalation',
    ],
    [
      'ATTACK',
      'CA-BP',
      30,
      'Phong tỏa hiện trường, phân luồng giao thông, bảo vệ tài sản',
      'Cordon the scene, divert traffic, protect property',
    ],
    [
      'ATTACK',
      'PC-BP',
      15,
      'Cắt điện khu vực cháy theo yêu cầu của chỉ huy chữa cháy',
      'Cut power to the fire area at the fire commander’s request',
    ],
    ['ATTACK', 'CTN-BP', 30, 'Bảo đảm nước chữa cháy: trụ nước, tăng áp, xe bồn', 'Secure firefighting water: hydrants, pressure, tankers'],
    [
      'CONTAIN',
      'BCHQS-BP',
      60,
      'Huy động bộ đội, dân quân phát đường băng cản lửa (cháy rừng, vườn cây)',
      'Mobilise troops and militia to cut firebreaks (forest and plantation fires)',
    ],
    [
      'CONTAIN',
      'SNNMT-BP',
      120,
      'Huy động kiểm lâm; đánh giá diện tích rừng, vườn cây bị cháy; quan trắc không khí',
      'Mobilise forest rangers; assess the burnt area; monitor air quality',
    ],
    [
      'CONTAIN',
      'SCT-BP',
      120,
      'Phối hợp ban quản lý khu công nghiệp, doanh nghiệp kiểm soát kho hóa chất, hàng dễ cháy',
      'With the industrial park authority and firms, secure chemical and flammable stores',
    ],
    [
      'RECOVERY',
      'CA-BP',
      4320,
      'Khám nghiệm hiện trường, điều tra nguyên nhân vụ cháy',
      'Examine the scene; investigate the cause of the fire',
    ],
    [
      'RECOVERY',
      'SLDTBXH-BP',
      2880,
      'Hỗ trợ người lao động bị ảnh hưởng; thăm hỏi người bị nạn',
      'Support affected workers; visit the victims',
    ],
    ['RECOVERY', 'SYT-BP', 1440, 'Theo dõi sức khỏe người dân bị ảnh hưởng khói bụi', 'Monitor the health of residents exposed to smoke'],
  ]),
  requiredResources: resources([
    [R.FIRE_TRUCK, 8],
    [R.WATER_TANKER, 4],
    [R.AMBULANCE, 4],
    [R.RESCUE_TEAM, 2],
    [R.MILITARY_FORCE, 80, 'người'],
    [R.DRONE, 2, 'trinh sát đám cháy'],
    [R.EXCAVATOR, 2, 'mở đường băng cản lửa'],
  ]),
  checklist: checklist([
    ['Xác định người còn mắc kẹt; cứu người trước, tài sản sau', 'Find anyone still trapped; people before property'],
    ['Xác định chủng loại hóa chất, hàng hóa trong khu vực cháy', 'Identify the chemicals and goods in the fire area'],
    ['Lập sở chỉ huy chữa cháy và bãi tập kết phương tiện', 'Set up the fire command post and the vehicle staging area'],
    ['Cảnh báo người dân ở hướng khói bay', 'Warn residents downwind of the smoke'],
    ['Canh gác chống cháy lại ít nhất 24 giờ sau khi dập tắt', 'Keep a fire watch for at least 24 hours after the fire is out'],
  ]),
};
