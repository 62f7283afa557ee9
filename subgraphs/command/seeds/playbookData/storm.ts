import { EmergencyType } from '../../src/vocabulary';
import { checklist, phase, ResourceKind as R, resources, tasks, type PlaybookSeed } from '../playbookRows';

/** Bão, áp thấp nhiệt đới, dông lốc: inland Bình Phước gets the wind, the rain and the fallen trees. */
export const storm: PlaybookSeed = {
  code: 'STORM_TROPICAL',
  emergencyType: EmergencyType.STORM,
  nameVi: 'Ứng phó bão, áp thấp nhiệt đới và dông lốc',
  nameEn: 'Storm, tropical depression and severe thunderstorm response',
  descriptionVi:
    'Áp dụng khi bão, áp thấp nhiệt đới ảnh hưởng trực tiếp gây gió mạnh, mưa lớn; khi dông lốc, mưa đá làm đổ cây, tốc mái nhà trên diện rộng.',
  categoryCodes: ['URB_FALLEN_TREE', 'EMG_LANDSLIDE'],
  phases: [
    phase('BEFORE', 'Trước bão: phòng ngừa', 'Before landfall: prevention'),
    phase('DURING', 'Trong bão: ứng phó', 'During the storm: response'),
    phase('AFTER', 'Sau bão: khắc phục', 'After the storm: recovery'),
  ],
  taskTemplates: tasks([
    ['BEFORE', 'SNNMT-BP', 60, 'Theo dõi tin bão, dự báo mưa lớn; tham mưu lệnh cấm đi lại tại khu vực nguy hiểm', 'Follow storm bulletins and heavy-rain forecasts; advise on travel bans in dangerous areas'],
    ['BEFORE', 'STTTT-BP', 30, 'Phát tin cảnh báo bão trên truyền thanh, truyền hình, SMS và ứng dụng công dân', 'Broadcast storm warnings on radio, TV, SMS and the citizen app'],
    ['BEFORE', 'SXD-BP', 240, 'Yêu cầu chằng chống công trình đang thi công, cần trục tháp, biển quảng cáo tấm lớn', 'Have construction sites, tower cranes and large billboards secured'],
    ['BEFORE', 'PEOPLES_COMMITTEE', 240, 'Vận động chằng chống nhà cửa; sơ tán dân khỏi nhà yếu, khu vực nguy cơ sạt lở, cây cao', 'Get homes secured; evacuate residents from weak houses, landslide-prone areas and tall trees'],
    ['BEFORE', 'PC-BP', 240, 'Kiểm tra lưới điện, phát quang hành lang tuyến; chuẩn bị lực lượng ứng cứu', 'Inspect the grid and clear line corridors; ready the repair crews'],
    ['DURING', 'PCCC-BP', 15, 'Trực sẵn sàng lực lượng, phương tiện cứu nạn cứu hộ 24/24', 'Keep rescue forces and vehicles on standby around the clock'],
    ['DURING', 'BCHQS-BP', 60, 'Bố trí lực lượng cơ động cứu hộ tại các địa bàn xung yếu', 'Station mobile rescue forces in the most exposed areas'],
    ['DURING', 'CA-BP', 30, 'Bảo đảm an ninh trật tự; phân luồng giao thông nơi cây đổ, sạt lở', 'Keep order; divert traffic around fallen trees and landslides'],
    ['DURING', 'CC115-BP', 30, 'Cấp cứu, vận chuyển người bị thương', 'Treat and transport the injured'],
    ['AFTER', 'SGTVT-BP', 720, 'Giải tỏa cây đổ, vật cản; khôi phục giao thông trên các tuyến chính', 'Clear fallen trees and debris; reopen the main roads'],
    ['AFTER', 'PC-BP', 720, 'Khôi phục cấp điện, ưu tiên bệnh viện, trạm bơm nước, cơ quan chỉ huy', 'Restore power, hospitals, water pumping and command posts first'],
    ['AFTER', 'SLDTBXH-BP', 2880, 'Hỗ trợ hộ có nhà bị sập, tốc mái; cứu trợ lương thực', 'Support households with collapsed or unroofed homes; distribute food aid'],
    ['AFTER', 'SYT-BP', 1440, 'Vệ sinh môi trường, phòng chống dịch bệnh sau bão', 'Clean up and prevent disease after the storm'],
  ]),
  requiredResources: resources([
    [R.RESCUE_TEAM, 4],
    [R.MILITARY_FORCE, 100, 'người'],
    [R.EXCAVATOR, 4, 'máy xúc, xe cẩu giải tỏa cây đổ'],
    [R.TRUCK, 10],
    [R.GENERATOR, 6],
    [R.SHELTER, 10],
    [R.TENT, 100],
    [R.AMBULANCE, 4],
    [R.FOOD_SUPPLY, 3000, 'suất ăn'],
  ]),
  checklist: checklist([
    ['Hướng dẫn người dân không ra đường khi bão đổ bộ, kiểm đếm người ở khu vực nguy hiểm', 'Tell residents to stay in during landfall; count people in dangerous areas'],
    ['Chằng chống trụ sở, kho tàng; bảo đảm thông tin liên lạc thông suốt', 'Secure offices and warehouses; keep communications running'],
    ['Cắt tỉa cây xanh có nguy cơ gãy đổ trên các tuyến phố', 'Prune street trees at risk of falling'],
    ['Dự trữ lương thực, nước uống, thuốc men cho ít nhất 3 ngày', 'Stock food, water and medicine for at least 3 days'],
    ['Báo cáo nhanh thiệt hại trong vòng 12 giờ sau bão', 'Send a quick damage report within 12 hours after the storm'],
  ]),
};
