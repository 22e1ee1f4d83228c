import { PdfWriter, formatVietnamDateTime } from '../platform/pdf/document.ts';
import type { PublicFact } from './schema.ts';

/** What the signed result shows. */
export interface ResultLayout {
  documentId: string;
  agencyName: string;
  title: string;
  body: readonly string[];
  facts: readonly PublicFact[];
  validFrom: string;
  validTo: string | null;
  signedAt: Date;
  verifyUrl: string;
}

/** "2026-11-21" → "21/11/2026". */
function vietnameseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}

/**
 * Lays out a signed result on A4: the national motto, the issuing agency, the title, the text, the
 * public facts and validity, then who signed it and a QR code that opens the public verification page.
 */
export async function renderResult(layout: ResultLayout): Promise<PdfWriter> {
  const pdf = await PdfWriter.create({
    title: layout.title,
    author: layout.agencyName,
    subject: `Văn bản điện tử ${layout.documentId}`,
    keywords: [layout.documentId, layout.verifyUrl],
    createdAt: layout.signedAt,
  });
  pdf.text(layout.agencyName.toUpperCase(), { bold: true, align: 'center', size: 11 });
  pdf.gap(6);
  pdf.text('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, align: 'center', size: 12 });
  pdf.text('Độc lập - Tự do - Hạnh phúc', { bold: true, align: 'center', size: 12, gapAfter: 18 });
  pdf.text(layout.title.toUpperCase(), { bold: true, align: 'center', size: 15, gapAfter: 14 });
  for (const line of layout.body) pdf.text(line, { gapAfter: 4 });
  if (layout.facts.length > 0) pdf.gap(6);
  for (const fact of layout.facts) pdf.field(fact.label, fact.value);
  const validity = layout.validTo
    ? `Có giá trị từ ngày ${vietnameseDate(layout.validFrom)} đến hết ngày ${vietnameseDate(layout.validTo)}.`
    : `Có giá trị từ ngày ${vietnameseDate(layout.validFrom)}.`;
  pdf.text(validity, { gapAfter: 16 });
  pdf.text(`Ký số bởi: ${layout.agencyName}`, { bold: true });
  pdf.text(`Thời điểm ký: ${formatVietnamDateTime(layout.signedAt)}`);
  pdf.text(`Mã văn bản: ${layout.documentId}`, { gapAfter: 10 });

  const side = 96;
  pdf.ensureSpace(side + 8);
  const top = pdf.y;
  pdf.qr(layout.verifyUrl, 56, top, side);
  pdf.text('Kiểm tra tính xác thực: quét mã QR hoặc truy cập', { indent: side + 8, size: 10 });
  pdf.text(layout.verifyUrl, { indent: side + 8, size: 10, oneLine: true });
  pdf.text('Văn bản điện tử có giá trị pháp lý như văn bản giấy (Nghị định 45/2020/NĐ-CP).', { indent: side + 8, size: 9 });
  pdf.y = Math.min(pdf.y, top - side);
  return pdf;
}
