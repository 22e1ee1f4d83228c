import { describe, expect, it } from 'vitest';
import { tableToCsv, type ExportTable } from './export-table.ts';
import { periodWindow, trailingYear } from './period-window.ts';
import { rankRows } from './ranking.ts';

describe('period windows', () => {
  it('cuts a running period at today and keeps whole months for a finished one', () => {
    expect(periodWindow('2026-Q3', '2026-08-15')).toMatchObject({
      start: '2026-07-01',
      end: '2026-09-30',
      asOf: '2026-08-15',
      months: ['2026-07-01', '2026-08-01'],
      lastDay: '2026-08-31',
      isComplete: false,
    });
    expect(periodWindow('2025', '2026-01-02')).toMatchObject({ asOf: '2025-12-31', isComplete: true, lastDay: '2025-12-31' });
    expect(periodWindow('2027-01', '2026-08-15').months).toEqual([]);
    expect(() => periodWindow('2026-13', '2026-08-15')).toThrow();
  });

  it('trends over the twelve months up to the period’s last month, across the year', () => {
    const months = trailingYear(periodWindow('2026-02', '2026-05-01')).months;
    expect(months).toHaveLength(12);
    expect([months[0], months[11]]).toEqual(['2025-03-01', '2026-02-01']);
  });
});

describe('rankings', () => {
  it('orders best first, shares ranks on ties, puts units without a value last', () => {
    const rows = rankRows(
      [
        { code: 'a', value: 80 },
        { code: 'b', value: null },
        { code: 'c', value: 95 },
        { code: 'd', value: 80 },
      ],
      true,
    );
    expect(rows.map((r) => [r.code, r.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['d', 2],
      ['b', null],
    ]);
    expect(
      rankRows(
        [
          { code: 'x', value: 3 },
          { code: 'y', value: 1 },
        ],
        false,
      ).map((r) => r.code),
    ).toEqual(['y', 'x']);
  });
});

describe('CSV export', () => {
  it('writes a BOM, quotes what needs quoting and keeps formula-looking text as text', () => {
    const table: ExportTable = {
      title: 'T',
      subtitles: [],
      columns: [
        { key: 'name', header: 'Tên, đơn vị', kind: 'text', width: 10 },
        { key: 'value', header: 'Giá trị', kind: 'number', width: 10 },
      ],
      rows: [
        { name: '=HYPERLINK("x")', value: -3 },
        { name: 'Phường "Tam Long"', value: 1.5 },
      ],
      totals: { name: 'Tổng cộng', value: null },
      authority: 'A',
      placeAndDate: 'P',
      language: 'vi',
    };
    expect(tableToCsv(table)).toBe(
      '\uFEFF"Tên, đơn vị",Giá trị\r\n"\'=HYPERLINK(""x"")",-3\r\n"Phường ""Tam Long""",1.5\r\nTổng cộng,\r\n',
    );
  });
});
