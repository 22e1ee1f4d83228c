import { rgb } from 'pdf-lib';
import { A4, PdfWriter, wrapText } from '../../platform/pdf/document.ts';

/**
 * The common frame of the one-stop slips (Circular 01/2018/TT-VPCP forms): issuing body on the left,
 * the national motto on the right, a bold title, the body, signature and a QR code to track the dossier.
 */

/** Who issues a slip and where the dossier can be tracked. */
export interface SlipFrame {
  form: string;
  title: string;
  agencyName: string;
  parentAgencyName?: string | undefined;
  dossierCode: string;
  issuedAt: Date;
}

/** "ngày 02 tháng 03 năm 2026", the way official documents date themselves (Vietnam time). */
export function vietnameseLongDate(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `ngày ${two(local.getUTCDate())} tháng ${two(local.getUTCMonth() + 1)} năm ${local.getUTCFullYear()}`;
}

/** Starts a slip: metadata, the two-column heading and the title. */
export async function startSlip(frame: SlipFrame): Promise<PdfWriter> {
  const w = await PdfWriter.create({
    title: `${frame.title} — ${frame.dossierCode}`,
    subject: `Mẫu số ${frame.form}, Thông tư 01/2018/TT-VPCP`,
    author: frame.agencyName,
    keywords: [frame.dossierCode, `mau-${frame.form}`],
    createdAt: frame.issuedAt,
  });
  const half = w.contentWidth / 2;
  const top = w.y;
  if (frame.parentAgencyName) w.text(frame.parentAgencyName.toUpperCase(), { size: 10, align: 'center', width: half });
  w.text(frame.agencyName.toUpperCase(), { size: 10, bold: true, align: 'center', width: half });
  w.text(`Mã hồ sơ: ${frame.dossierCode}`, { size: 10, align: 'center', width: half });
  const leftBottom = w.y;
  w.y = top;
  w.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 10, bold: true, align: 'center', indent: half });
  w.text('Độc lập - Tự do - Hạnh phúc', { size: 10, bold: true, align: 'center', indent: half });
  w.text(`${vietnameseLongDate(frame.issuedAt)}`, { size: 10, align: 'center', indent: half });
  w.y = Math.min(w.y, leftBottom);
  w.gap(18);
  w.text(frame.title, { size: 14, bold: true, align: 'center', gapAfter: 14 });
  return w;
}

/** A numbered list, one wrapped paragraph per item. */
export function numberedList(w: PdfWriter, items: readonly string[]): void {
  items.forEach((item, i) => w.text(`${i + 1}. ${item}`, { indent: 14 }));
}

/** The signature block on the right: role, the note in brackets, then the signer's name. */
export function signature(w: PdfWriter, role: string, name: string | null): void {
  const half = w.contentWidth / 2;
  w.gap(14);
  w.ensureSpace(90);
  w.text(role.toUpperCase(), { bold: true, align: 'center', indent: half });
  w.text('(Ký và ghi rõ họ tên)', { size: 10, align: 'center', indent: half });
  w.gap(44);
  if (name) w.text(name, { bold: true, align: 'center', indent: half });
}

/** The QR code that opens the dossier's public tracking page, with the address written beside it. */
export function trackingQr(w: PdfWriter, url: string): void {
  const side = 84;
  w.gap(16);
  w.ensureSpace(side + 4);
  const left = (A4.width - w.contentWidth) / 2;
  w.qr(url, left - 8, w.y, side);
  const after = w.y - side;
  w.y -= 20;
  w.text('Quét mã để tra cứu tình trạng hồ sơ:', { size: 9, indent: side });
  w.text(url, { size: 9, indent: side });
  w.y = Math.min(w.y, after);
}

/** A bordered table: header row in bold, cells wrapped to their column widths (fractions of the content width). */
export function table(w: PdfWriter, columns: readonly { title: string; width: number }[], rows: readonly string[][]): void {
  const size = 9;
  const lineHeight = size * 1.35;
  const padding = 4;
  const left = (A4.width - w.contentWidth) / 2;
  const widths = columns.map((c) => c.width * w.contentWidth);
  const drawRow = (cells: readonly string[], isHeader: boolean) => {
    const font = isHeader ? w.bold : w.regular;
    const wrapped = cells.map((cell, i) => wrapText(cell, font, size, (widths[i] ?? 0) - 2 * padding));
    const height = Math.max(...wrapped.map((lines) => lines.length)) * lineHeight + 2 * padding;
    w.ensureSpace(height);
    let x = left;
    wrapped.forEach((lines, i) => {
      const width = widths[i] ?? 0;
      w.page.drawRectangle({ x, y: w.y - height, width, height, borderColor: rgb(0, 0, 0), borderWidth: 0.5 });
      lines.forEach((line, n) => {
        w.page.drawText(line, { x: x + padding, y: w.y - padding - (n + 1) * lineHeight + 2, size, font, color: rgb(0, 0, 0) });
      });
      x += width;
    });
    w.y -= height;
  };
  drawRow(
    columns.map((c) => c.title),
    true,
  );
  for (const row of rows) drawRow(row, false);
  w.gap(6);
}
