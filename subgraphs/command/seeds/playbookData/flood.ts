import { EmergencyType } from '../../src/vocabulary';
import { checklist, phase, ResourceKind as R, resources, tasks, type PlaybookSeed } from '../playbookRows';

/** Lũ lụt và sạt lở lưu vực sông Bé: heavy rain, the Thác Mơ / Cần Đơn / Srok Phu Miêng spillways opening. */
export const flood: PlaybookSeed = {
  code: 'FLOOD_SONG_BE',
  emergencyType: EmergencyType.FLOOD,
  nameVi: 'Ứng phó lũ, ngập lụt và sạt lở đất lưu vực sông Bé',
  nameEn: 'Flood, inundation and landslide response in the Be River basin',
  descriptionVi:
    'Áp dụng khi mưa lớn kéo dài, mực nước sông Bé, sông Đồng Nai vượt báo động hoặc các hồ thủy điện Thác Mơ, Cần Đơn, Srok Phu Miêng xả lũ; khi có nguy cơ sạt lở đất, sạt lở bờ sông.',
  categoryCodes: ['EMG_WATER_LEVEL_ALARM', 'EMG_LANDSLIDE', 'URB_FLOODING'],
  phases: [
    phase('ALERT', 'Cảnh báo, chuẩn bị', 'Warning and preparation'),
    phase('RESPONSE', 'Ứng phó, sơ tán, cứu nạn', 'Response, evacuation and rescue'),
    phase('RECOVERY', 'Khắc phục hậu quả', 'Recovery'),
  ],
  taskTemplates: tasks([
    ['ALERT', 'SNNMT-BP', 60, 'Theo dõi mưa, mực nước sông Bé và lịch vận hành xả lũ các hồ Thác Mơ, Cần Đơn, Srok Phu Miêng; bản tin 3 giờ/lần', 'Track rainfall, Be River levels and the spillway schedules of the Thac Mo, Can Don and Srok Phu Mieng reservoirs; bulletin every 3 hours'],
    ['ALERT', 'STTTT-BP', 30, 'Phát cảnh báo lũ, sạt lở trên loa truyền thanh cơ sở, tin nhắn SMS và ứng dụng công dân', 'Broadcast flood and landslide warnings on commune loudspeakers, SMS and the citizen app'],
    ['ALERT', 'PEOPLES_COMMITTEE', 120, 'Rà soát hộ dân vùng trũng thấp, ven sông, khu vực nguy cơ sạt lở; chuẩn bị phương án sơ tán', 'List households in low-lying, riverside and landslide-prone areas; prepare the evacuation plan'],
    ['ALERT', 'SXD-BP', 180, 'Kiểm tra an toàn nhà ở, công trình, trường học dự kiến làm điểm sơ tán trong vùng ảnh hưởng', 'Inspect the safety of houses, buildings and schools planned as evacuation centres'],
    ['RESPONSE', 'BCHQS-BP', 60, 'Huy động bộ đội, dân quân cùng xuồng, ca nô hỗ trợ sơ tán dân và cứu nạn', 'Mobilise troops and militia with boats to evacuate residents and rescue'],
    ['RESPONSE', 'PCCC-BP', 30, 'Triển khai tổ cứu nạn đường thủy tại các điểm ngập sâu, sạt lở', 'Deploy water rescue teams to deep flooding and landslide sites'],
    ['RESPONSE', 'CA-BP', 60, 'Chốt chặn, phân luồng giao thông tại ngầm tràn, đoạn đường ngập; bảo vệ tài sản khu vực sơ tán', 'Close and divert traffic at flooded fords and roads; protect property in evacuated areas'],
    ['RESPONSE', 'CC115-BP', 60, 'Bố trí kíp cấp cứu trực tại các điểm sơ tán', 'Station emergency medical crews at the evacuation centres'],
    ['RESPONSE', 'PEOPLES_COMMITTEE', 120, 'Tổ chức sơ tán dân; bảo đảm ăn, ở, nước sạch tại điểm sơ tán', 'Evacuate residents; provide food, shelter and clean water at the evacuation centres'],
    ['RESPONSE', 'PC-BP', 60, 'Cắt điện an toàn vùng ngập; bảo đảm điện cho điểm sơ tán và trạm bơm', 'Cut power safely in flooded areas; keep evacuation centres and pumping stations supplied'],
    ['RECOVERY', 'SYT-BP', 1440, 'Vệ sinh môi trường, khử khuẩn nguồn nước, phòng chống dịch bệnh sau lũ', 'Clean up, disinfect water sources and prevent disease after the flood'],
    ['RECOVERY', 'SGTVT-BP', 2880, 'Khắc phục sạt lở, hư hỏng đường giao thông; bảo đảm thông tuyến', 'Repair landslides and road damage; reopen the routes'],
    ['RECOVERY', 'SLDTBXH-BP', 2880, 'Thống kê, hỗ trợ khẩn cấp hộ có người chết, bị thương, mất nhà ở', 'Count and support households with dead, injured or homeless members'],
    ['RECOVERY', 'SNNMT-BP', 4320, 'Tổng hợp thiệt hại nông nghiệp, đề xuất hỗ trợ giống cây trồng, vật nuôi', 'Assess farm losses; propose support with seed and livestock'],
  ]),
  requiredResources: resources([
    [R.BOAT, 12, 'xuồng máy, ca nô'],
    [R.LIFE_JACKET, 300],
    [R.RESCUE_TEAM, 4],
    [R.MILITARY_FORCE, 150, 'người'],
    [R.AMBULANCE, 4],
    [R.SHELTER, 8, 'điểm sơ tán tập trung'],
    [R.TENT, 60],
    [R.GENERATOR, 4],
    [R.PUMP, 6],
    [R.SANDBAG, 3000, 'bao'],
    [R.FOOD_SUPPLY, 5000, 'suất ăn'],
  ]),
  checklist: checklist([
    ['Xác nhận lịch xả lũ với Công ty Thủy điện Thác Mơ và Thủy điện Cần Đơn', 'Confirm the spillway schedule with the Thac Mo and Can Don hydropower companies'],
    ['Thông báo cho người dân vùng hạ du ít nhất 4 giờ trước khi xả lũ', 'Warn downstream residents at least 4 hours before spillway releases'],
    ['Kích hoạt Ban Chỉ huy phòng thủ dân sự các cấp, trực 24/24', 'Activate the civil defence command boards at every level, 24/7 watch'],
    ['Thực hiện phương châm “4 tại chỗ”: chỉ huy, lực lượng, phương tiện – vật tư, hậu cần tại chỗ', 'Apply the “four on-the-spot” rule: local command, forces, means and supplies, logistics'],
    ['Kiểm tra điểm sơ tán: điện, nước sạch, nhà vệ sinh, y tế, lương thực cho 3 ngày', 'Check evacuation centres: power, water, toilets, medical care, food for 3 days'],
    ['Báo cáo nhanh thiệt hại 6 giờ/lần về Văn phòng thường trực', 'Send a quick damage report to the standing office every 6 hours'],
  ]),
};
