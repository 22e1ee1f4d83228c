import { eq } from 'drizzle-orm';
import { dossiers } from '../dossiers/schema.ts';
import { officerHasScope } from '../identity/guards.ts';
import type { Principal } from '../identity/principal.ts';
import { recordPersonalDataAccess } from '../platform/audit/record.ts';
import type { Queryable } from '../platform/db/client.ts';
import { AppError } from '../platform/errors.ts';
import { PdfWriter, formatVietnamDate, formatVietnamDateTime, formatVnd } from '../platform/pdf/document.ts';
import { procedureVersions } from '../procedures/schema.ts';
import { agencies } from '../units/schema.ts';
import { readVndInWords } from './domain/amount-in-words.ts';
import type { CounterPaymentMethod, PaymentLine } from './domain/payment-rules.ts';
import { payments } from './schema.ts';

/** Everything printed on an e-receipt. */
export interface ReceiptData {
  receiptNo: string;
  agencyName: string;
  payerName: string;
  dossierCode: string;
  procedureName: string;
  lines: PaymentLine[];
  amountVnd: number;
  paidAt: Date;
  gatewayTransactionNo: string | null;
  bankCode: string | null;
  /** Online through the gateway, or at the counter in cash or by card (POS). */
  method: 'online' | CounterPaymentMethod;
  /** Link printed as a QR code: the dossier's page. */
  dossierUrl: string;
  /** True when paid on the sandbox gateway: the receipt says it is not a real payment. */
  isSandbox: boolean;
}

const paymentMethodNames: Record<ReceiptData['method'], string> = {
  online: 'Trực tuyến qua cổng thanh toán',
  cash: 'Tiền mặt tại quầy',
  pos: 'Thẻ qua máy POS tại quầy',
};

/**
 * Biên lai thu phí, lệ phí điện tử — the e-receipt of a payment (online, or taken at the counter), as a PDF (A4, Vietnamese
 * fonts, QR to the dossier). Content follows what a fee receipt must show under Decree
 * 123/2020/NĐ-CP on invoices and receipts: the collecting agency, number, payer, what was paid for,
 * the amount in figures and words, the date. The same data renders the same bytes.
 */
export async function renderPaymentReceipt(data: ReceiptData): Promise<Uint8Array> {
  const pdf = await PdfWriter.create({
    title: `Biên lai thu phí, lệ phí ${data.receiptNo}`,
    subject: `Hồ sơ ${data.dossierCode}`,
    author: data.agencyName,
    keywords: ['biên lai', 'phí, lệ phí', data.dossierCode],
    createdAt: data.paidAt,
  });
  if (data.isSandbox)
    pdf.text('BẢN THỬ NGHIỆM (SANDBOX) — KHÔNG CÓ GIÁ TRỊ THANH TOÁN THẬT', { bold: true, align: 'center', size: 10, gapAfter: 8 });
  // Two header columns: the agency on the left, the national motto on the right.
  const headerTop = pdf.y;
  pdf.text(data.agencyName.toUpperCase(), { bold: true, size: 10, width: pdf.contentWidth / 2 - 8 });
  const leftBottom = pdf.y;
  pdf.y = headerTop;
  pdf.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 10, align: 'center', indent: pdf.contentWidth / 2 });
  pdf.text('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 10, align: 'center', indent: pdf.contentWidth / 2 });
  pdf.y = Math.min(pdf.y, leftBottom) - 18;
  pdf.text('BIÊN LAI THU PHÍ, LỆ PHÍ', { bold: true, size: 16, align: 'center' });
  pdf.text('(Bản thể hiện của biên lai điện tử)', { size: 10, align: 'center' });
  pdf.text(`Số: ${data.receiptNo} · Ngày ${formatVietnamDate(data.paidAt)}`, { size: 10, align: 'center', gapAfter: 14 });

  pdf.field('Đơn vị thu', data.agencyName);
  pdf.field('Người nộp', data.payerName);
  pdf.field('Mã hồ sơ', data.dossierCode);
  pdf.field('Thủ tục', data.procedureName);
  pdf.gap(8);
  pdf.text('Nội dung thu', { bold: true });
  data.lines.forEach((line, i) => {
    const quantity = line.quantity === 1 ? '' : ` (số lượng: ${line.quantity})`;
    pdf.text(`${i + 1}. ${line.name}${quantity}: ${formatVnd(line.amountVnd)}`, { indent: 12 });
  });
  pdf.gap(6);
  pdf.text(`Tổng cộng: ${formatVnd(data.amountVnd)}`, { bold: true, size: 12 });
  pdf.text(`Bằng chữ: ${readVndInWords(data.amountVnd)}`, { gapAfter: 10 });
  pdf.field('Hình thức thanh toán', paymentMethodNames[data.method]);
  if (data.gatewayTransactionNo) pdf.field('Mã giao dịch của cổng thanh toán', data.gatewayTransactionNo);
  if (data.bankCode) pdf.field('Ngân hàng', data.bankCode);
  pdf.field('Thời điểm thanh toán', formatVietnamDateTime(data.paidAt));
  pdf.gap(12);
  const qrTop = pdf.y;
  pdf.qr(data.dossierUrl, 56, qrTop, 88);
  pdf.y = qrTop - 20;
  const origin =
    data.method === 'online'
      ? 'Biên lai được lập tự động khi cổng thanh toán xác nhận giao dịch thành công.'
      : 'Biên lai được lập khi cán bộ tiếp nhận xác nhận đã thu tại quầy.';
  pdf.text(`Quét mã để tra cứu hồ sơ. ${origin}`, {
    size: 9,
    indent: 100,
  });
  return pdf.save();
}

/**
 * The e-receipt of a paid payment: for the dossier's applicant, or an officer with a role over the
 * dossier's handling or receiving agency (logged as a read of the payer's data). Anybody else: not found.
 */
export async function readPaymentReceipt(
  q: Queryable,
  principal: Principal,
  paymentId: string,
  options: { publicUrl: string; isSandbox: boolean; requestId?: string },
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const [row] = await q
    .select({ payment: payments, dossier: dossiers, procedureName: procedureVersions.name })
    .from(payments)
    .innerJoin(dossiers, eq(dossiers.id, payments.dossierId))
    .innerJoin(procedureVersions, eq(procedureVersions.id, dossiers.procedureVersionId))
    .where(eq(payments.id, paymentId));
  if (!row) throw new AppError('PAYMENT_NOT_FOUND', { paymentId });
  const { payment, dossier } = row;
  const agencyRows = await q.select().from(agencies).where(eq(agencies.code, dossier.handlingAgencyCode));
  if (principal.kind === 'citizen') {
    if (dossier.applicantCitizenId !== principal.id) throw new AppError('PAYMENT_NOT_FOUND', { paymentId });
  } else {
    const receiving = (await q.select().from(agencies).where(eq(agencies.code, dossier.receivingAgencyCode)))[0];
    const inScope = [...agencyRows, ...(receiving ? [receiving] : [])].some((a) =>
      officerHasScope(principal, { agencyCode: a.code, unitCode: a.unitCode, provinceCode: a.provinceCode }),
    );
    if (!inScope) throw new AppError('FORBIDDEN', { paymentId });
    await recordPersonalDataAccess(q, {
      actorKind: 'officer',
      actorId: principal.id,
      dataSubject: dossier.applicantIdNumber,
      resource: 'payment.receipt',
      purpose: `Biên lai thanh toán hồ sơ ${dossier.code}`,
      requestId: options.requestId ?? null,
    });
  }
  if (payment.status !== 'paid' || !payment.paidAt) throw new AppError('PAYMENT_NOT_PAID', { paymentId, status: payment.status });
  const bytes = await renderPaymentReceipt({
    receiptNo: payment.orderRef,
    agencyName: agencyRows[0]?.name ?? dossier.handlingAgencyCode,
    payerName: dossier.applicantName,
    dossierCode: dossier.code,
    procedureName: row.procedureName,
    lines: payment.lines,
    amountVnd: payment.amountVnd,
    paidAt: payment.paidAt,
    gatewayTransactionNo: payment.gatewayTransactionNo,
    bankCode: payment.bankCode,
    method: payment.channel === 'counter' ? (payment.counterMethod ?? 'cash') : 'online',
    dossierUrl: `${options.publicUrl}/ho-so/${encodeURIComponent(dossier.code)}`,
    // The sandbox gateway's banner; money taken at the counter did not go through it.
    isSandbox: options.isSandbox && payment.channel === 'online',
  });
  return { fileName: `bien-lai-${payment.orderRef}.pdf`, bytes };
}
