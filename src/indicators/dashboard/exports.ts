import { parsePeriod, describePeriod } from '../domain/index-766/period.ts';
import { dossierStatusNames } from '../../dossiers/domain/lifecycle.ts';
import type { DossierChannel, SubmitterKind } from '../../dossiers/schema.ts';
import type { Drilldown } from './drilldown.ts';
import type { ExportColumn, ExportTable } from './export-table.ts';
import type { Ranking } from './ranking.ts';
import type { ReconciliationView } from './reconciliation.ts';
import type { UnitRef } from './overview.ts';

type Language = 'vi' | 'en';

export const channelLabels: Record<DossierChannel, { vi: string; en: string }> = {
  1: { vi: 'Trực tiếp', en: 'In person' },
  2: { vi: 'Trực tuyến', en: 'Online' },
  3: { vi: 'Bưu chính công ích', en: 'Public post' },
};

export const submitterLabels: Record<SubmitterKind, { vi: string; en: string }> = {
  applicant: { vi: 'Người dân tự nộp', en: 'Applicant’s own session' },
  assisted: { vi: 'Cán bộ nhập hộ', en: 'Keyed in by an officer' },
  counter: { vi: 'Nhận tại quầy', en: 'At the counter' },
  post: { vi: 'Qua bưu chính', en: 'By post' },
};

const drillTitles: Record<string, { vi: string; en: string }> = {
  late: { vi: 'DANH SÁCH HỒ SƠ TRỄ HẠN', en: 'LATE DOSSIERS' },
  on_time: { vi: 'DANH SÁCH HỒ SƠ GIẢI QUYẾT ĐÚNG HẠN', en: 'DOSSIERS HANDLED ON TIME' },
  received: { vi: 'DANH SÁCH HỒ SƠ TIẾP NHẬN', en: 'DOSSIERS RECEIVED' },
  online: { vi: 'DANH SÁCH HỒ SƠ TRỰC TUYẾN', en: 'ONLINE DOSSIERS' },
  genuine: { vi: 'DANH SÁCH HỒ SƠ NGƯỜI DÂN TỰ NỘP TRỰC TUYẾN', en: 'DOSSIERS SUBMITTED ONLINE BY THE APPLICANT' },
  assisted: { vi: 'DANH SÁCH HỒ SƠ TRỰC TUYẾN DO CÁN BỘ NHẬP HỘ', en: 'ONLINE DOSSIERS KEYED IN BY OFFICERS' },
};

/** "Thành phố Hồ Chí Minh, ngày 20 tháng 10 năm 2026". */
export function placeAndDate(place: string, isoDate: string, language: Language): string {
  const [y, m, d] = isoDate.split('-');
  return language === 'vi' ? `${place}, ngày ${d} tháng ${m} năm ${y}` : `${place}, ${isoDate}`;
}

const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');

function periodLines(period: Ranking['period'], unit: string, language: Language): string[] {
  const parsed = parsePeriod(period.text);
  const name = parsed ? describePeriod(parsed, language) : period.text;
  return language === 'vi'
    ? [
        `Kỳ báo cáo: ${name} (từ ${ddmmyyyy(period.start)} đến ${ddmmyyyy(period.end)})`,
        `Đơn vị: ${unit}`,
        `Số liệu tính đến ngày ${ddmmyyyy(period.asOf)}`,
      ]
    : [`Period: ${name} (${period.start} to ${period.end})`, `Unit: ${unit}`, `Figures as of ${period.asOf}`];
}

const unitName = (u: UnitRef, language: Language) => (language === 'en' && u.fullNameEn ? u.fullNameEn : u.fullName);
const authority = (province: string, language: Language) =>
  language === 'vi' ? `UBND ${province.toUpperCase()}` : `PEOPLE'S COMMITTEE OF ${province.toUpperCase()}`;

/** A ranking as a printable table. */
export function rankingTable(ranking: Ranking, province: UnitRef, today: string, language: Language): ExportTable {
  const vi = language === 'vi';
  const indicatorName = ranking.indicator.label[language];
  const valueKind = ranking.indicator.unit === 'percent' ? 'percent' : 'number';
  const columns: ExportColumn[] = [
    { key: 'rank', header: vi ? 'Hạng' : 'Rank', kind: 'integer', width: 7 },
    { key: 'code', header: vi ? 'Mã' : 'Code', kind: 'text', width: 12 },
    {
      key: 'name',
      header: ranking.level === 'agency' ? (vi ? 'Cơ quan' : 'Agency') : vi ? 'Đơn vị hành chính' : 'Unit',
      kind: 'text',
      width: 38,
    },
    { key: 'value', header: `${indicatorName}${ranking.indicator.unit === 'percent' ? ' (%)' : ''}`, kind: valueKind, width: 18 },
    { key: 'numerator', header: vi ? 'Tử số' : 'Numerator', kind: 'number', width: 12 },
    { key: 'denominator', header: vi ? 'Mẫu số' : 'Denominator', kind: 'number', width: 12 },
    { key: 'indexTotal', header: vi ? 'Chỉ số 766 (điểm)' : '766 index (points)', kind: 'number', width: 14 },
    { key: 'received', header: vi ? 'Hồ sơ tiếp nhận' : 'Received', kind: 'integer', width: 12 },
    { key: 'late', header: vi ? 'Hồ sơ trễ hạn' : 'Late', kind: 'integer', width: 12 },
    { key: 'estimate', header: vi ? 'Ghi chú' : 'Note', kind: 'text', width: 14 },
  ];
  const estimate = vi ? 'Ước tính' : 'Estimate';
  const rowOf = (r: Ranking['rows'][number]) => ({
    rank: r.rank,
    code: r.code,
    name: language === 'en' && r.nameEn ? r.nameEn : r.name,
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    indexTotal: r.indexTotal,
    received: r.headline.received,
    late: r.headline.late,
    estimate: r.isEstimate ? estimate : null,
  });
  const levelName = ranking.level === 'agency' ? (vi ? 'CÁC CƠ QUAN' : 'AGENCIES') : vi ? 'CÁC XÃ, PHƯỜNG, ĐẶC KHU' : 'COMMUNES';
  return {
    title: vi
      ? `BẢNG XẾP HẠNG ${levelName} THEO ${indicatorName.toUpperCase()}`
      : `RANKING OF ${levelName} BY ${indicatorName.toUpperCase()}`,
    subtitles: periodLines(ranking.period, unitName(province, language), language),
    columns,
    rows: ranking.rows.map(rowOf),
    totals: {
      ...rowOf(ranking.total),
      rank: null,
      code: null,
      name: vi ? `Tổng cộng (${unitName(province, language)})` : `Total (${unitName(province, language)})`,
    },
    authority: authority(province.fullName, language),
    placeAndDate: placeAndDate(province.fullName, today, language),
    language,
  };
}

/** A drill-down list as a printable table. */
export function drilldownTable(drill: Drilldown, province: UnitRef, today: string, language: Language): ExportTable {
  const vi = language === 'vi';
  const columns: ExportColumn[] = [
    { key: 'index', header: vi ? 'STT' : 'No.', kind: 'integer', width: 6 },
    { key: 'code', header: vi ? 'Mã hồ sơ' : 'Dossier code', kind: 'text', width: 20 },
    { key: 'procedure', header: vi ? 'Thủ tục hành chính' : 'Procedure', kind: 'text', width: 40 },
    { key: 'unit', header: vi ? 'Đơn vị' : 'Unit', kind: 'text', width: 24 },
    { key: 'channel', header: vi ? 'Kênh nộp' : 'Channel', kind: 'text', width: 14 },
    { key: 'submitter', header: vi ? 'Người nộp' : 'Submitted by', kind: 'text', width: 18 },
    { key: 'receivedAt', header: vi ? 'Ngày tiếp nhận' : 'Received', kind: 'datetime', width: 17 },
    { key: 'appointmentAt', header: vi ? 'Ngày hẹn trả' : 'Appointment', kind: 'datetime', width: 17 },
    { key: 'endedAt', header: vi ? 'Ngày kết thúc xử lý' : 'Processing ended', kind: 'datetime', width: 17 },
    { key: 'status', header: vi ? 'Trạng thái' : 'Status', kind: 'text', width: 20 },
  ];
  const rows = drill.rows.map((r, i) => ({
    index: (drill.page - 1) * drill.pageSize + i + 1,
    code: r.code,
    procedure: `${r.procedureCode} ${r.procedureName}`,
    unit: r.unitName,
    channel: channelLabels[r.channel][language],
    submitter: submitterLabels[r.submitterKind][language],
    receivedAt: r.receivedAt ?? r.submittedAt,
    appointmentAt: r.appointmentAt,
    endedAt: r.endedAt,
    status: dossierStatusNames[r.status][language],
  }));
  const title = drillTitles[drill.kind]?.[language] ?? (vi ? 'DANH SÁCH HỒ SƠ' : 'DOSSIERS');
  return {
    title,
    subtitles: periodLines(drill.period, unitName(drill.unit, language), language),
    columns,
    rows,
    totals: { index: null, code: vi ? `Tổng số: ${drill.total} hồ sơ` : `Total: ${drill.total} dossiers` },
    authority: authority(province.fullName, language),
    placeAndDate: placeAndDate(province.fullName, today, language),
    language,
  };
}

/** The reconciliation with the national portal as a printable table (differences beyond the tolerance marked). */
export function reconciliationTable(view: ReconciliationView, province: UnitRef, today: string, language: Language): ExportTable {
  const vi = language === 'vi';
  const columns: ExportColumn[] = [
    { key: 'unit', header: vi ? 'Mã đơn vị (Cổng DVCQG)' : 'Unit (national portal)', kind: 'text', width: 14 },
    { key: 'mappedTo', header: vi ? 'Đơn vị trên hệ thống' : 'Unit on the platform', kind: 'text', width: 28 },
    { key: 'group', header: vi ? 'Nhóm' : 'Group', kind: 'text', width: 16 },
    { key: 'metric', header: vi ? 'Chỉ tiêu' : 'Indicator', kind: 'text', width: 40 },
    { key: 'max', header: vi ? 'Điểm tối đa' : 'Max', kind: 'number', width: 9 },
    { key: 'published', header: vi ? 'Cổng DVCQG công bố' : 'Published', kind: 'number', width: 12 },
    { key: 'recomputed', header: vi ? 'Tính lại' : 'Recomputed', kind: 'number', width: 12 },
    { key: 'delta', header: vi ? 'Chênh lệch' : 'Difference', kind: 'number', width: 11 },
    { key: 'own', header: vi ? 'Số liệu của hệ thống' : 'Platform’s own', kind: 'number', width: 14 },
    { key: 'ownDelta', header: vi ? 'Chênh lệch (hệ thống)' : 'Difference (own)', kind: 'number', width: 14 },
    { key: 'note', header: vi ? 'Ghi chú' : 'Note', kind: 'text', width: 22 },
  ];
  const differs = vi ? 'Lệch' : 'Differs';
  const rows = view.lines.map((l) => ({
    unit: l.departmentCode,
    mappedTo: l.mappedTo
      ? `${l.mappedTo.code} — ${language === 'en' ? (l.mappedTo.nameEn ?? l.mappedTo.name) : l.mappedTo.name}`
      : vi
        ? 'chưa ánh xạ'
        : 'not mapped',
    group: l.group,
    metric: l.metric === 'TOTAL' ? `${vi ? 'Tổng nhóm' : 'Group total'}: ${l.label[language]}` : `${l.metric} — ${l.label[language]}`,
    max: l.maxScore,
    published: l.published,
    recomputed: l.recomputed,
    delta: l.delta,
    own: l.own,
    ownDelta: l.ownDelta,
    note:
      [
        l.isRecomputedDifferent ? `${differs} (${vi ? 'tính lại' : 'recomputed'})` : null,
        l.isOwnDifferent ? `${differs} (${vi ? 'hệ thống' : 'own'})` : null,
      ]
        .filter(Boolean)
        .join('; ') || null,
  }));
  const period = view.period ?? '';
  return {
    title: vi ? 'ĐỐI CHIẾU CHỈ SỐ 766 VỚI CỔNG DỊCH VỤ CÔNG QUỐC GIA' : 'DECISION 766 INDEX: RECONCILIATION WITH THE NATIONAL PORTAL',
    subtitles: [
      vi ? `Kỳ đánh giá: ${period}` : `Period: ${period}`,
      vi ? `Đơn vị: ${unitName(province, language)}` : `Unit: ${unitName(province, language)}`,
      vi
        ? `Bộ công thức ${view.formulaSetId}; đánh dấu "Lệch" khi chênh lệch vượt ${view.tolerance}`
        : `Formula set ${view.formulaSetId}; "Differs" marks a difference beyond ${view.tolerance}`,
    ],
    columns,
    rows,
    authority: authority(province.fullName, language),
    placeAndDate: placeAndDate(province.fullName, today, language),
    language,
  };
}
