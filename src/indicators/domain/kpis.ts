import type { Label } from './index-766/formula-sets.ts';
import type { RollupCounts } from './rollup-counters.ts';

/**
 * The platform's own indicators, shown beside the Decision 766 index, each a ratio of two rollup
 * sums with a definition a leader can read. They are computed the way a national auditor would:
 * an officer keying a dossier in for an applicant makes it online, not genuinely online.
 */

/** Rollup sums over a period, plus the open dossiers past their appointment at the period's end. */
export interface PeriodCounts extends RollupCounts {
  /** Dossiers still open at the end of the period and already past their appointment (national rule). */
  openOverdue: number;
}

export const kpiCodes = [
  'ONLINE_RATE',
  'GENUINE_ONLINE_RATE',
  'ASSISTED_SHARE',
  'ON_TIME_RATE',
  'AVERAGE_PROCESSING_DAYS',
  'DIGITISATION_RATE',
  'ELECTRONIC_RESULT_RATE',
  'REUSE_RATE',
  'ONLINE_PAYMENT_RATE',
  'VNEID_RATE',
  'SATISFACTION_RATE',
  'COMPLAINTS_ON_TIME_RATE',
] as const;
export type KpiCode = (typeof kpiCodes)[number];

/**
 * Which dossiers stand behind a number, for the drill-down: named sets of the per-dossier facts.
 * received, online, genuine (applicant's own session), assisted, counter, post, completed, on_time,
 * late (completed late, or open and past the appointment at the period's end), results,
 * electronic_result, digitised, with_reuse, with_obligation, paid_online, vneid, voted, liked,
 * disliked, timed (completed with a receipt time).
 */
export const drillKinds = [
  'received',
  'online',
  'genuine',
  'assisted',
  'counter',
  'post',
  'completed',
  'on_time',
  'late',
  'timed',
  'results',
  'electronic_result',
  'digitised',
  'with_reuse',
  'with_obligation',
  'paid_online',
  'vneid',
  'voted',
  'liked',
  'disliked',
] as const;
export type DrillKind = (typeof drillKinds)[number];

export interface KpiDefinition {
  code: KpiCode;
  label: Label;
  /** What the number means, how it is computed and what it leaves out. */
  definition: Label;
  unit: 'percent' | 'days';
  isHigherBetter: boolean;
  numerator(c: PeriodCounts): number;
  denominator(c: PeriodCounts): number;
  /** The dossiers behind the numerator and the denominator (null when they are not dossiers). */
  drill: { numerator: DrillKind | null; denominator: DrillKind | null };
}

/** Dossiers the on-time rule judges in a period: those completed in it and those open past their appointment at its end. */
export const judgedDossiers = (c: PeriodCounts): number => c.completed + c.openOverdue;

/** Late dossiers of a period by the national rule. */
export const lateDossiers = (c: PeriodCounts): number => c.completedLate + c.openOverdue;

const percent = (
  code: KpiCode,
  label: Label,
  definition: Label,
  numerator: (c: PeriodCounts) => number,
  denominator: (c: PeriodCounts) => number,
  drill: KpiDefinition['drill'],
  isHigherBetter = true,
): KpiDefinition => ({ code, label, definition, unit: 'percent', isHigherBetter, numerator, denominator, drill });

/** Every KPI with its definition (vi/en), in the order the dashboard shows them. */
export const kpiDefinitions: readonly KpiDefinition[] = [
  percent(
    'ONLINE_RATE',
    { vi: 'Tỷ lệ hồ sơ trực tuyến', en: 'Online rate' },
    {
      vi: 'Số hồ sơ nộp qua kênh trực tuyến ÷ tổng số hồ sơ tiếp nhận trong kỳ (theo ngày nộp). Tính cả hồ sơ do cán bộ nhập hộ trên hệ thống, như cách báo cáo thông thường.',
      en: 'Dossiers submitted through the online channel ÷ all dossiers received in the period (by submission date). Includes dossiers officers keyed in online for applicants, as usual reports do.',
    },
    (c) => c.receivedOnline,
    (c) => c.received,
    { numerator: 'online', denominator: 'received' },
  ),
  percent(
    'GENUINE_ONLINE_RATE',
    { vi: 'Tỷ lệ trực tuyến thực chất', en: 'Genuine online rate' },
    {
      vi: 'Số hồ sơ do chính người nộp gửi từ phiên đăng nhập của mình ÷ tổng số hồ sơ tiếp nhận trong kỳ. Hồ sơ cán bộ nhập hộ, nhận tại quầy hoặc qua bưu chính không được tính ở tử số.',
      en: 'Dossiers the applicant submitted from their own signed-in session ÷ all dossiers received in the period. Dossiers keyed in by officers, received at a counter or by post are not in the numerator.',
    },
    (c) => c.byApplicant,
    (c) => c.received,
    { numerator: 'genuine', denominator: 'received' },
  ),
  percent(
    'ASSISTED_SHARE',
    { vi: 'Tỷ lệ hồ sơ trực tuyến do cán bộ nhập hộ', en: 'Assisted share of online dossiers' },
    {
      vi: 'Số hồ sơ trực tuyến do cán bộ nhập thay người dân ÷ số hồ sơ trực tuyến trong kỳ. Cao nghĩa là tỷ lệ trực tuyến đang được "làm đẹp" tại quầy.',
      en: 'Online dossiers keyed in by officers on the applicant’s behalf ÷ online dossiers in the period. A high share means the online rate is being made at the counter.',
    },
    (c) => c.byAssisted,
    (c) => c.receivedOnline,
    { numerator: 'assisted', denominator: 'online' },
    false,
  ),
  percent(
    'ON_TIME_RATE',
    { vi: 'Tỷ lệ giải quyết đúng hạn', en: 'On-time rate' },
    {
      vi: 'Theo cách Cổng DVCQG tính: số hồ sơ kết thúc xử lý (đã xử lý xong, đã trả, dừng, từ chối) không muộn hơn ngày hẹn ÷ (số hồ sơ kết thúc xử lý trong kỳ + số hồ sơ còn mở đã quá hạn vào cuối kỳ). Thời gian chờ bổ sung không tính; yêu cầu bổ sung từ lần thứ hai hoặc có phiếu xin lỗi, hẹn lại thì tính là trễ hạn.',
      en: 'As the national portal computes it: dossiers whose processing ended (done, returned, stopped, refused) no later than the appointment ÷ (dossiers that ended in the period + dossiers still open and past their appointment at its end). Time waiting for a supplement is excluded; a second supplement request or an apology slip makes a dossier late.',
    },
    (c) => c.completedOnTime,
    judgedDossiers,
    { numerator: 'on_time', denominator: null },
  ),
  {
    code: 'AVERAGE_PROCESSING_DAYS',
    label: { vi: 'Thời gian giải quyết trung bình', en: 'Average processing time' },
    definition: {
      vi: 'Trung bình số ngày (theo lịch, kể cả ngày nghỉ) từ khi tiếp nhận đến khi kết thúc xử lý, của các hồ sơ kết thúc trong kỳ.',
      en: 'Average calendar days (weekends included) from receipt to the end of processing, over the dossiers that ended in the period.',
    },
    unit: 'days',
    isHigherBetter: false,
    numerator: (c) => c.processingMinutes / 1440,
    denominator: (c) => c.completedTimed,
    drill: { numerator: null, denominator: 'timed' },
  },
  percent(
    'DIGITISATION_RATE',
    { vi: 'Tỷ lệ số hóa hồ sơ', en: 'Digitisation rate' },
    {
      vi: 'Số hồ sơ có kết quả trong kỳ mà toàn bộ thành phần là bản điện tử (nộp trực tuyến, quét tại quầy hoặc lấy từ kho dữ liệu) và kết quả là bản điện tử ÷ số hồ sơ có kết quả trong kỳ.',
      en: 'Dossiers with a result in the period whose components are all electronic (uploaded, scanned at the counter or taken from the store) and whose result is electronic ÷ dossiers with a result in the period.',
    },
    (c) => c.digitised,
    (c) => c.results,
    { numerator: 'digitised', denominator: 'results' },
  ),
  percent(
    'ELECTRONIC_RESULT_RATE',
    { vi: 'Tỷ lệ cấp kết quả điện tử', en: 'Electronic result rate' },
    {
      vi: 'Số hồ sơ có kết quả điện tử (Nghị định 45/2020/NĐ-CP) ÷ số hồ sơ có kết quả trong kỳ.',
      en: 'Dossiers with an electronic result (Decree 45/2020/NĐ-CP) ÷ dossiers with a result in the period.',
    },
    (c) => c.electronicResults,
    (c) => c.results,
    { numerator: 'electronic_result', denominator: 'results' },
  ),
  percent(
    'REUSE_RATE',
    { vi: 'Tỷ lệ tái sử dụng dữ liệu số hóa', en: 'Reuse rate' },
    {
      vi: 'Số thành phần hồ sơ lấy từ kho dữ liệu điện tử của người dân (không yêu cầu nộp lại) ÷ tổng số thành phần hồ sơ điện tử của các hồ sơ tiếp nhận trong kỳ.',
      en: "Dossier components taken from the applicant's electronic data store (not asked for again) ÷ all electronic components of the dossiers received in the period.",
    },
    (c) => c.componentsReused,
    (c) => c.components,
    { numerator: 'with_reuse', denominator: 'received' },
  ),
  percent(
    'ONLINE_PAYMENT_RATE',
    { vi: 'Tỷ lệ thanh toán trực tuyến', en: 'Online payment rate' },
    {
      vi: 'Số hồ sơ đã thanh toán phí, lệ phí trực tuyến ÷ số hồ sơ có nghĩa vụ tài chính, trong các hồ sơ tiếp nhận trong kỳ.',
      en: 'Dossiers whose fees were paid online ÷ dossiers with a financial obligation, among the dossiers received in the period.',
    },
    (c) => c.paidOnline,
    (c) => c.withObligation,
    { numerator: 'paid_online', denominator: 'with_obligation' },
  ),
  percent(
    'VNEID_RATE',
    { vi: 'Tỷ lệ hồ sơ có tài khoản VNeID', en: 'VNeID-verified share' },
    {
      vi: 'Số hồ sơ nộp bằng tài khoản đã xác thực qua VNeID (mức 2) ÷ tổng số hồ sơ tiếp nhận trong kỳ.',
      en: 'Dossiers submitted with an account verified through VNeID (level 2) ÷ all dossiers received in the period.',
    },
    (c) => c.vneidVerified,
    (c) => c.received,
    { numerator: 'vneid', denominator: 'received' },
  ),
  percent(
    'SATISFACTION_RATE',
    { vi: 'Mức độ hài lòng', en: 'Satisfaction' },
    {
      vi: 'Số lượt đánh giá "hài lòng" ÷ tổng số lượt đánh giá của người nộp hồ sơ trong kỳ (mỗi hồ sơ một lượt, sau khi kết thúc xử lý).',
      en: 'Likes ÷ all votes applicants gave in the period (one per dossier, once processing ended).',
    },
    (c) => c.votesLike,
    (c) => c.votes,
    { numerator: 'liked', denominator: 'voted' },
  ),
  percent(
    'COMPLAINTS_ON_TIME_RATE',
    { vi: 'Tỷ lệ xử lý phản ánh, kiến nghị đúng hạn', en: 'Complaints handled on time' },
    {
      vi: 'Số phản ánh, kiến nghị được xử lý (từ chối trong 2 ngày làm việc hoặc trả lời trong 15 ngày làm việc) đúng hạn ÷ số phản ánh, kiến nghị đã xử lý trong kỳ.',
      en: 'Complaints and petitions handled on time (refused within 2 working days or answered within 15) ÷ those handled in the period.',
    },
    (c) => c.complaintsHandledOnTime,
    (c) => c.complaintsHandled,
    { numerator: null, denominator: null },
  ),
];

export interface KpiValue {
  code: KpiCode;
  /** Percent (0–100) or days; null when the denominator is 0. */
  value: number | null;
  numerator: number;
  denominator: number;
}

/** The KPI's value from period counts: numerator ÷ denominator (× 100 for rates), null without a denominator. */
export function computeKpi(definition: KpiDefinition, counts: PeriodCounts): KpiValue {
  const numerator = definition.numerator(counts);
  const denominator = definition.denominator(counts);
  const ratio = denominator > 0 ? numerator / denominator : null;
  const value = ratio === null ? null : definition.unit === 'percent' ? ratio * 100 : ratio;
  return { code: definition.code, value, numerator, denominator };
}

/** Every KPI of a period. */
export function computeKpis(counts: PeriodCounts): KpiValue[] {
  return kpiDefinitions.map((d) => computeKpi(d, counts));
}

/** A KPI's definition by code. */
export function findKpi(code: string): KpiDefinition | undefined {
  return kpiDefinitions.find((d) => d.code === code);
}
