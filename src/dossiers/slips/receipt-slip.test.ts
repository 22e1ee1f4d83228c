import { describe, expect, it } from 'vitest';
import { extractPdfText } from '../../../test/support/pdf-text.ts';
import { renderReceiptSlip, type ReceiptSlipData } from './receipt-slip.ts';

const slip: ReceiptSlipData = {
  dossierCode: '79.261121.7KX3MQ',
  parentAgencyName: 'Ủy ban nhân dân Phường Tam Long',
  receivingAgencyName: 'Trung tâm Phục vụ hành chính công Phường Tam Long',
  placeName: 'Phường Tam Long',
  handlingAgencyName: 'Ủy ban nhân dân Phường Tam Long',
  applicant: {
    name: 'Nguyễn Văn An',
    idNumberMasked: '079*****1234',
    address: '15 Đường 3 Tháng 2, Phường Tam Long, Thành phố Hồ Chí Minh',
    phone: '+84901234567',
    email: 'nguyenvanan@example.vn',
  },
  procedure: { code: '1.001193', version: 1, name: 'Đăng ký khai sinh' },
  components: [
    { name: 'Tờ khai đăng ký khai sinh theo mẫu', form: 'original', source: 'eform', fileCount: 0 },
    { name: 'Giấy chứng sinh', form: 'original', source: 'upload', fileCount: 2 },
    { name: 'Giấy tờ tùy thân có ảnh', form: 'original', source: 'population_db', fileCount: 0 },
  ],
  statutoryTime: { amount: 1, unit: 'working_days' },
  fees: [
    { name: 'Lệ phí đăng ký khai sinh đúng hạn', amountVnd: 0, rule: 'Miễn lệ phí' },
    { name: 'Lệ phí đăng ký khai sinh quá hạn', rule: 'Theo nghị quyết của HĐND Thành phố' },
  ],
  feeTotalVnd: 0,
  submittedAt: new Date('2026-11-21T01:30:00Z'),
  appointmentAt: new Date('2026-11-23T10:00:00Z'),
  isVneidVerified: true,
  lookupUrl: 'https://dichvucong.example.vn/tra-cuu?ma=79.261121.7KX3MQ',
};

describe('renderReceiptSlip (form 01)', () => {
  it('says in Vietnamese, with every diacritic, what was received and when the result is due', async () => {
    const text = (await extractPdfText(await renderReceiptSlip(slip))).replace(/\s+/g, ' ');
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'Mã hồ sơ: 79.261121.7KX3MQ',
      'Nguyễn Văn An',
      '079*****1234',
      'Đăng ký khai sinh',
      'Giấy chứng sinh',
      'Tờ khai điện tử',
      '02 tệp',
      '01 ngày làm việc',
      '08 giờ 30, ngày 21/11/2026',
      '17 giờ 00, ngày 23/11/2026',
      '0 đồng',
      'Phường Tam Long, ngày 21 tháng 11 năm 2026',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('079090001234');
  });

  it('renders the same bytes for the same dossier', async () => {
    const [a, b] = await Promise.all([renderReceiptSlip(slip), renderReceiptSlip(slip)]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('keeps to one page for a usual dossier', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const doc = await PDFDocument.load(await renderReceiptSlip(slip));
    expect(doc.getPageCount()).toBe(1);
  });
});
