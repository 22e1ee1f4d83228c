import { describe, expect, it } from 'vitest';
import { extractPdfText } from '../../../test/support/pdf-text.ts';
import { PdfWriter, formatVietnamDateTime, formatVnd } from './document.ts';

describe('PdfWriter', () => {
  it('writes Vietnamese text whose extracted copy keeps every diacritic', async () => {
    const pdf = await PdfWriter.create({
      title: 'Giấy tiếp nhận',
      author: 'UBND phường Tam Long',
      createdAt: new Date('2026-11-21T01:00:00Z'),
    });
    pdf.text('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, align: 'center' });
    pdf.text('Đăng ký khai sinh — Nguyễn Thị Ánh Tuyết, phường Tam Long, Thành phố Hồ Chí Minh');
    pdf.qr('https://tinhso.example/tra-cuu/79.261121.ABCDEF', 400, 700);
    const text = await extractPdfText(await pdf.save());
    expect(text).toContain('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Đăng ký khai sinh');
    expect(text).toContain('Nguyễn Thị Ánh Tuyết');
  });

  it('wraps long paragraphs onto further pages instead of running off the page', async () => {
    const pdf = await PdfWriter.create({ title: 't', author: 'a', createdAt: new Date(0) });
    for (let i = 0; i < 120; i++) pdf.text(`Dòng số ${i} của một tài liệu dài`);
    expect(pdf.doc.getPageCount()).toBeGreaterThan(1);
  });

  it('keeps an address on one line when asked (oneLine), where plain text would break inside it', async () => {
    const url = 'https://dichvucong.tinhso.example:43895/verify/a4cb3440-db58-4fb1-aa23-9d09a53ba99b';
    const textOf = async (oneLine: boolean) => {
      const pdf = await PdfWriter.create({ title: 't', author: 'a', createdAt: new Date(0) });
      pdf.text(url, { indent: 104, size: 10, oneLine });
      return (await extractPdfText(await pdf.save())).replace(/\s+/g, ' ');
    };
    expect(await textOf(false)).not.toContain(url);
    expect(await textOf(true)).toContain(url);
  });

  it('formats money and Vietnam local time', () => {
    expect(formatVnd(1234567)).toBe('1.234.567 đồng');
    expect(formatVietnamDateTime(new Date('2026-11-21T01:30:00Z'))).toBe('08 giờ 30, ngày 21/11/2026');
  });
});
