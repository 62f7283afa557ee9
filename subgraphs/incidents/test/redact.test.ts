import { redactPersonalData } from '../src/publication/redact';

const PHONE = '[số điện thoại]';
const EMAIL = '[email]';
const ID = '[số giấy tờ]';

describe('redactPersonalData', () => {
  it('masks the phone number and email of a typical report and keeps the address and date', () => {
    expect(
      redactPersonalData('Liên hệ anh Nam 0912 345 678 hoặc nam.nguyen@gmail.com, nhà số 12 đường Phú Riềng Đỏ, ngày 25/11/2026'),
    ).toBe(`Liên hệ anh Nam ${PHONE} hoặc ${EMAIL}, nhà số 12 đường Phú Riềng Đỏ, ngày 25/11/2026`);
  });

  it.each([
    ['0912345678'],
    ['0912 345 678'],
    ['091.234.5678'],
    ['0912-345-678'],
    ['0356 789 012'],
    ['+84 912 345 678'],
    ['+84912345678'],
    ['(+84) 912 345 678'],
    ['+84 (0)912 345 678'],
    ['84912345678'],
  ])('masks the mobile number %s', (phone) => {
    expect(redactPersonalData(`Gọi chị Lan theo số ${phone} để xác minh.`)).toBe(`Gọi chị Lan theo số ${PHONE} để xác minh.`);
  });

  it.each([['0271 3879 168'], ['02713879168'], ['0271.3879.168'], ['(0271) 3879 168'], ['028 3822 1234'], ['+84 271 3879 168']])(
    'masks the landline number %s',
    (phone) => {
      expect(redactPersonalData(`Điện thoại bàn nhà ông Hùng: ${phone}.`)).toBe(`Điện thoại bàn nhà ông Hùng: ${PHONE}.`);
    },
  );

  it('masks several phone numbers in one sentence, including one glued to its label', () => {
    expect(redactPersonalData('SĐT:0987654321, Zalo 0912345678 0987654321; đt nhà 0271 3879 168')).toBe(
      `SĐT:${PHONE}, Zalo ${PHONE} ${PHONE}; đt nhà ${PHONE}`,
    );
  });

  it('masks email addresses, including one whose local part is a phone number', () => {
    expect(redactPersonalData('Gửi ảnh về tran.thi-hoa+ioc@binhphuoc.gov.vn hoặc 0912345678@gmail.com.')).toBe(
      `Gửi ảnh về ${EMAIL} hoặc ${EMAIL}.`,
    );
  });

  it('masks a 12-digit CCCD number, whole or grouped', () => {
    expect(redactPersonalData('Người phản ánh: Nguyễn Văn Bình, CCCD số 070123456789, cấp ngày 10/5/2021.')).toBe(
      `Người phản ánh: Nguyễn Văn Bình, CCCD số ${ID}, cấp ngày 10/5/2021.`,
    );
    expect(redactPersonalData('Căn cước: 070 123 456 789')).toBe(`Căn cước: ${ID}`);
  });

  it('masks a 9-digit CMND number and a passport number', () => {
    expect(redactPersonalData('CMND 285123456 đã hết hạn, hộ chiếu C1234567.')).toBe(`CMND ${ID} đã hết hạn, hộ chiếu ${ID}.`);
  });

  it('keeps house numbers, years, dates, times and plate numbers', () => {
    const text =
      'Xe tải biển số 93A-123.45 và xe máy 93-H1 567.89 đậu trước nhà số 1247/3 đường Phú Riềng Đỏ từ 07:30 ngày 25/11/2026, năm 2025 đã xảy ra một lần.';
    expect(redactPersonalData(text)).toBe(text);
  });

  it('keeps document codes', () => {
    const text = 'Giấy phép xây dựng số 123456789/GP-UBND, hồ sơ 000.00.12.H10-250101-0001, quyết định 2456/QĐ-UBND.';
    expect(redactPersonalData(text)).toBe(text);
  });

  it('keeps amounts of money, with or without separators', () => {
    const text = 'Phạt 1.500.000 đồng, lần trước 150000000 đồng, dự án 84.500.000.000 đ, tổng 3.750.000.000 VNĐ.';
    expect(redactPersonalData(text)).toBe(text);
  });

  it('keeps emergency numbers, hotlines and a text without personal data', () => {
    const text = 'Gọi 113, 114, 115 hoặc tổng đài 1900 9000; hồ Thác Mơ dâng cao 218,5 m lúc 14 giờ.';
    expect(redactPersonalData(text)).toBe(text);
  });
});
