import { rgb } from 'pdf-lib';
import { formatVietnamDateTime, formatVnd, PdfWriter } from '../../platform/pdf/document.ts';
import type { ComponentSource } from '../domain/components.ts';
import type { TimeUnit as StatutoryTimeUnit } from '../../calendar/domain/appointment.ts';

/** What the receipt slip (form 01) shows; the same data always renders to the same bytes. */
export interface ReceiptSlipData {
  dossierCode: string;
  /** Cơ quan chủ quản of the receiving agency (e.g. Ủy ban nhân dân Phường Tam Long), when it has one. */
  parentAgencyName: string | null;
  receivingAgencyName: string;
  /** Place name for the date line ("Phường Tam Long, ngày … tháng … năm …"). */
  placeName: string;
  handlingAgencyName: string;
  applicant: { name: string; idNumberMasked: string; address: string | null; phone: string | null; email: string | null };
  procedure: { code: string; version: number; name: string };
  components: { name: string; form: 'original' | 'copy' | 'certified_copy' | null; source: ComponentSource; fileCount: number }[];
  statutoryTime: { amount: number; unit: StatutoryTimeUnit };
  fees: { name: string; amountVnd?: number | undefined; rule?: string | undefined }[];
  feeTotalVnd: number;
  submittedAt: Date;
  appointmentAt: Date | null;
  isVneidVerified: boolean;
  /** The public status page the QR code opens: PUBLIC_URL/tra-cuu?ma=<code>. */
  lookupUrl: string;
}

const formNames = { original: 'bản chính', copy: 'bản sao', certified_copy: 'bản sao chứng thực' } as const;
const unitNames: Record<StatutoryTimeUnit, string> = { hours: 'giờ', days: 'ngày', working_days: 'ngày làm việc', months: 'tháng' };

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** "Phường Tam Long, ngày 21 tháng 11 năm 2026" in Vietnam time. */
function dateLine(place: string, at: Date): string {
  const local = new Date(at.getTime() + 7 * 3600_000);
  return `${place}, ngày ${two(local.getUTCDate())} tháng ${two(local.getUTCMonth() + 1)} năm ${local.getUTCFullYear()}`;
}

function componentForm(c: ReceiptSlipData['components'][number]): string {
  if (c.source === 'eform') return 'Tờ khai điện tử trên Cổng dịch vụ công';
  if (c.source === 'population_db') return 'Khai thác từ Cơ sở dữ liệu quốc gia về dân cư (VNeID)';
  const form = c.form ? formNames[c.form] : 'bản điện tử';
  return `Bản điện tử của ${form}`;
}

/** Cells written side by side from the same baseline; the writer continues below the tallest. */
function row(
  pdf: PdfWriter,
  cells: { text: string; x: number; width: number; bold?: boolean; align?: 'left' | 'center' }[],
  size: number,
): void {
  pdf.ensureSpace(size * 1.35 * 3);
  const top = pdf.y;
  let bottom = top;
  for (const cell of cells) {
    pdf.y = top;
    pdf.text(cell.text, { size, indent: cell.x, width: cell.x + cell.width, bold: cell.bold ?? false, align: cell.align ?? 'left' });
    bottom = Math.min(bottom, pdf.y);
  }
  pdf.y = bottom;
}

function rule(pdf: PdfWriter, x: number, width: number): void {
  const left = 56 + x;
  pdf.page.drawLine({
    start: { x: left, y: pdf.y - 2 },
    end: { x: left + width, y: pdf.y - 2 },
    thickness: 0.5,
    color: rgb(0.4, 0.4, 0.4),
  });
  pdf.gap(4);
}

/**
 * Mẫu số 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Circular 01/2018/TT-VPCP, Annex), for a dossier
 * received online: agency and national motto header, dossier code, applicant, requested procedure,
 * components received with their form and count, statutory time, receipt and appointment times, fees,
 * and a QR code that opens the public status page.
 */
export async function renderReceiptSlip(data: ReceiptSlipData): Promise<Uint8Array> {
  const pdf = await PdfWriter.create({
    title: `Giấy tiếp nhận hồ sơ và hẹn trả kết quả — ${data.dossierCode}`,
    subject: data.procedure.name,
    author: data.receivingAgencyName,
    keywords: [data.dossierCode, data.procedure.code, 'Mẫu số 01', 'Thông tư 01/2018/TT-VPCP'],
    createdAt: data.submittedAt,
  });
  const half = pdf.contentWidth / 2;

  // Header: agency on the left, national motto on the right (Decree 30/2020/NĐ-CP layout).
  const top = pdf.y;
  if (data.parentAgencyName) pdf.text(data.parentAgencyName.toUpperCase(), { size: 10, align: 'center', width: half - 10 });
  pdf.text(data.receivingAgencyName.toUpperCase(), { size: 10, bold: true, align: 'center', width: half - 10 });
  const leftBottom = pdf.y;
  pdf.y = top;
  pdf.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 10, bold: true, align: 'center', indent: half, width: pdf.contentWidth + 10 });
  pdf.text('Độc lập - Tự do - Hạnh phúc', { size: 10.5, bold: true, align: 'center', indent: half, width: pdf.contentWidth + 10 });
  pdf.text(dateLine(data.placeName, data.submittedAt), { size: 10, align: 'center', indent: half, width: pdf.contentWidth + 10 });
  pdf.y = Math.min(pdf.y, leftBottom);
  pdf.gap(14);

  pdf.text('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', { size: 14, bold: true, align: 'center' });
  pdf.text(`Mã hồ sơ: ${data.dossierCode}`, { size: 12, bold: true, align: 'center' });
  pdf.text('(Mẫu số 01, Thông tư số 01/2018/TT-VPCP)', { size: 9, align: 'center', gapAfter: 10 });

  pdf.text(`${data.receivingAgencyName} đã tiếp nhận hồ sơ của: ${data.applicant.name}`, { size: 11 });
  pdf.text(`Số định danh cá nhân: ${data.applicant.idNumberMasked}${data.isVneidVerified ? ' (đã xác thực qua VNeID)' : ''}`, { size: 11 });
  if (data.applicant.address) pdf.text(`Địa chỉ: ${data.applicant.address}`, { size: 11 });
  const contact = [
    data.applicant.phone ? `Số điện thoại: ${data.applicant.phone}` : null,
    data.applicant.email ? `Thư điện tử: ${data.applicant.email}` : null,
  ].filter((x): x is string => x !== null);
  if (contact.length > 0) pdf.text(contact.join('    '), { size: 11 });
  pdf.text(`Nội dung yêu cầu giải quyết: ${data.procedure.name} (mã thủ tục ${data.procedure.code}, phiên bản ${data.procedure.version})`, {
    size: 11,
  });
  pdf.text(`Cơ quan giải quyết: ${data.handlingAgencyName}`, { size: 11, gapAfter: 8 });

  pdf.text('1. Thành phần hồ sơ nộp gồm:', { size: 11, bold: true, gapAfter: 4 });
  const cols = { no: 0, name: 28, form: 28 + 230, count: pdf.contentWidth - 52 };
  row(
    pdf,
    [
      { text: 'TT', x: cols.no, width: 24, bold: true, align: 'center' },
      { text: 'Tên giấy tờ', x: cols.name, width: 224, bold: true },
      { text: 'Hình thức', x: cols.form, width: cols.count - cols.form - 6, bold: true },
      { text: 'Số lượng', x: cols.count, width: 52, bold: true, align: 'center' },
    ],
    10,
  );
  rule(pdf, 0, pdf.contentWidth);
  data.components.forEach((c, i) => {
    row(
      pdf,
      [
        { text: String(i + 1), x: cols.no, width: 24, align: 'center' },
        { text: c.name, x: cols.name, width: 224 },
        { text: componentForm(c), x: cols.form, width: cols.count - cols.form - 6 },
        { text: c.source === 'upload' ? `${two(c.fileCount)} tệp` : '01', x: cols.count, width: 52, align: 'center' },
      ],
      10,
    );
    rule(pdf, 0, pdf.contentWidth);
  });
  pdf.gap(6);

  const time = data.statutoryTime;
  const amount = Number.isInteger(time.amount) ? two(time.amount) : String(time.amount).replace('.', ',');
  pdf.text('2. Số lượng hồ sơ: 01 (bộ)', { size: 11 });
  pdf.text(`3. Thời gian giải quyết hồ sơ theo quy định: ${amount} ${unitNames[time.unit]}`, { size: 11 });
  pdf.text(`4. Thời gian nhận hồ sơ: ${formatVietnamDateTime(data.submittedAt)}`, { size: 11 });
  pdf.text(
    `5. Thời gian trả kết quả giải quyết hồ sơ: ${data.appointmentAt ? formatVietnamDateTime(data.appointmentAt) : 'theo thông báo của cơ quan giải quyết'}`,
    { size: 11, bold: true },
  );
  pdf.text(`6. Phí, lệ phí phải nộp: ${formatVnd(data.feeTotalVnd)}`, { size: 11 });
  for (const fee of data.fees) {
    const detail = [fee.amountVnd !== undefined ? formatVnd(fee.amountVnd) : null, fee.rule ? `(${fee.rule})` : null];
    pdf.text(`- ${fee.name}: ${detail.filter((d) => d !== null).join(' ')}`, { size: 10, indent: 14 });
  }
  pdf.text(`7. Hình thức nộp: trực tuyến. Đăng ký nhận kết quả tại: ${data.receivingAgencyName}`, { size: 11, gapAfter: 12 });

  // Signatures: an online submission is signed by the applicant's VNeID session and received by the system.
  pdf.ensureSpace(150);
  const signTop = pdf.y;
  pdf.text('NGƯỜI NỘP HỒ SƠ', { size: 10.5, bold: true, align: 'center', width: half });
  pdf.text('(Nộp trực tuyến bằng tài khoản định danh điện tử)', { size: 9, align: 'center', width: half });
  pdf.gap(8);
  pdf.text(data.applicant.name, { size: 11, bold: true, align: 'center', width: half });
  pdf.y = signTop;
  pdf.text('NGƯỜI TIẾP NHẬN HỒ SƠ', { size: 10.5, bold: true, align: 'center', indent: half, width: pdf.contentWidth });
  pdf.text('(Hệ thống tiếp nhận hồ sơ trực tuyến)', { size: 9, align: 'center', indent: half, width: pdf.contentWidth });
  pdf.gap(24);

  pdf.ensureSpace(110);
  const qrTop = pdf.y;
  const side = pdf.qr(data.lookupUrl, 56, qrTop, 96);
  pdf.y = qrTop - 20;
  pdf.text('Quét mã QR hoặc truy cập địa chỉ dưới đây để tra cứu tình trạng hồ sơ (cần mã hồ sơ và số định danh cá nhân):', {
    size: 9.5,
    indent: side + 8,
  });
  pdf.text(data.lookupUrl, { size: 9.5, indent: side + 8, oneLine: true });
  pdf.y = Math.min(pdf.y, qrTop - side);
  return pdf.save();
}
