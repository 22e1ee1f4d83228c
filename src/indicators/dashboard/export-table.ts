import ExcelJS from 'exceljs';

/**
 * A dashboard table as an official would print it: title, period, unit and the date the figures
 * stand at, a header row, the rows, a totals line, and the place and date with the signatures below
 * (the usual layout of Vietnamese administrative report forms). The same table gives the CSV.
 */

export type ColumnKind = 'text' | 'integer' | 'number' | 'percent' | 'date' | 'datetime';

export interface ExportColumn {
  key: string;
  header: string;
  kind: ColumnKind;
  /** Width in characters. */
  width: number;
}

export type Cell = string | number | null;

export interface ExportTable {
  /** Upper-case title line, e.g. "BẢNG XẾP HẠNG CÁC XÃ, PHƯỜNG THEO TỶ LỆ ĐÚNG HẠN". */
  title: string;
  /** Lines under the title: period, unit, figures as of, notes. */
  subtitles: string[];
  columns: ExportColumn[];
  rows: Record<string, Cell>[];
  /** The totals line (its first text cell says "Tổng cộng"). */
  totals?: Record<string, Cell>;
  /** Issuing authority printed top left, e.g. "UBND THÀNH PHỐ HỒ CHÍ MINH". */
  authority: string;
  /** The place and date line, e.g. "Thành phố Hồ Chí Minh, ngày 20 tháng 10 năm 2026". */
  placeAndDate: string;
  language: 'vi' | 'en';
}

const formats: Record<ColumnKind, string | undefined> = {
  text: undefined,
  integer: '#,##0',
  number: '#,##0.00',
  percent: '0.00"%"',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
};

/** Excel stores dates without a zone: show Vietnamese local time. */
function excelDate(value: Cell): Date | Cell {
  if (typeof value !== 'string' || value === '') return value;
  const t = Date.parse(value);
  if (Number.isNaN(t)) return value;
  return new Date(t + 7 * 3_600_000);
}

/** The table as an .xlsx workbook (one sheet, A4 landscape, header row repeated on every page). */
export async function tableToXlsx(table: ExportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tỉnh số';
  workbook.created = new Date(0);
  const sheet = workbook.addWorksheet(table.language === 'vi' ? 'Bảng số liệu' : 'Data', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    headerFooter: { oddFooter: table.language === 'vi' ? '&CTrang &P/&N' : '&CPage &P of &N' },
  });
  const width = table.columns.length;
  const line = (text: string, options: { bold?: boolean; size?: number; align?: 'left' | 'center' | 'right'; italic?: boolean } = {}) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, width);
    const cell = row.getCell(1);
    cell.font = { name: 'Times New Roman', size: options.size ?? 12, bold: options.bold ?? false, italic: options.italic ?? false };
    cell.alignment = { horizontal: options.align ?? 'center', vertical: 'middle', wrapText: true };
    return row;
  };
  line(table.authority, { bold: true, align: 'left' });
  line('');
  line(table.title, { bold: true, size: 14 });
  for (const s of table.subtitles) line(s, { italic: true });
  line('');

  const border = { style: 'thin' as const };
  const boxed = { top: border, left: border, bottom: border, right: border };
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { name: 'Times New Roman', size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = boxed;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
  });
  sheet.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
  table.columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width;
  });

  const addDataRow = (values: Record<string, Cell>, bold: boolean) => {
    const row = sheet.addRow(
      table.columns.map((c) => (c.kind === 'date' || c.kind === 'datetime' ? excelDate(values[c.key] ?? null) : (values[c.key] ?? null))),
    );
    table.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.font = { name: 'Times New Roman', size: 11, bold };
      cell.border = boxed;
      const format = formats[c.kind];
      if (format) cell.numFmt = format;
      cell.alignment = { vertical: 'middle', horizontal: c.kind === 'text' ? 'left' : 'right', wrapText: c.kind === 'text' };
    });
  };
  for (const r of table.rows) addDataRow(r, false);
  if (table.totals) addDataRow(table.totals, true);

  line('');
  const place = sheet.addRow([]);
  const signatureColumn = Math.max(1, width - 2);
  place.getCell(signatureColumn).value = table.placeAndDate;
  place.getCell(signatureColumn).font = { name: 'Times New Roman', size: 12, italic: true };
  const roles = sheet.addRow([]);
  roles.getCell(1).value = table.language === 'vi' ? 'NGƯỜI LẬP BIỂU' : 'PREPARED BY';
  roles.getCell(signatureColumn).value = table.language === 'vi' ? 'THỦ TRƯỞNG ĐƠN VỊ' : 'HEAD OF UNIT';
  roles.eachCell((cell) => {
    cell.font = { name: 'Times New Roman', size: 12, bold: true };
  });
  const hint = sheet.addRow([]);
  hint.getCell(1).value = table.language === 'vi' ? '(Ký, ghi rõ họ tên)' : '(Signature, full name)';
  hint.getCell(signatureColumn).value = table.language === 'vi' ? '(Ký, ghi rõ họ tên, đóng dấu)' : '(Signature, full name, seal)';
  hint.eachCell((cell) => {
    cell.font = { name: 'Times New Roman', size: 11, italic: true };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const csvCell = (value: Cell): string => {
  if (value === null) return '';
  // A text cell that a spreadsheet would run as a formula is kept as text (OWASP CSV injection).
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The table as CSV (UTF-8 with a byte-order mark so spreadsheet programs read Vietnamese): header, rows, totals. */
export function tableToCsv(table: ExportTable): string {
  const lines = [table.columns.map((c) => csvCell(c.header)).join(',')];
  for (const r of [...table.rows, ...(table.totals ? [table.totals] : [])])
    lines.push(table.columns.map((c) => csvCell(r[c.key] ?? null)).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
