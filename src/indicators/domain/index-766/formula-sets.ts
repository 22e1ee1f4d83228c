/**
 * The Decision 766 service index (Quyết định 766/QĐ-TTg, 2022) as the National Public Service
 * Portal scores it: a versioned table of groups, indicators, maximum scores and formulas. A period
 * is scored with the formula set valid on its first day. Metric codes are the portal's own (its
 * evaluation responses carry them); the portal's flat responses (progress, payment) carry none, so
 * those indicators have codes of ours.
 */

export type GroupCode = 'TRANSPARENCY' | 'PROGRESS' | 'ONLINE_SERVICE' | 'PAYMENT' | 'DIGITIZATION' | 'SATISFACTION';

/** What an indicator scores when its denominator is empty (0 or no data). */
export type EmptyRule =
  /** Not applicable: the portal publishes `score: null` and the group total counts it as 0. */
  | 'notApplicable'
  /** Full marks, e.g. complaints handled on time when there were no complaints. */
  | 'full'
  /** Zero, e.g. dossier satisfaction when there were no dossiers. */
  | 'zero';

/**
 * How an indicator turns its rate (numerator ÷ denominator, 0–1) into points:
 * `rate`: min(maxScore, maxScore × rate ÷ fullAt), full marks from `fullAt` upwards;
 * `unscored`: published for information only (maximum 0), never scored.
 */
export type Formula = { kind: 'rate'; fullAt: number; whenEmpty: EmptyRule } | { kind: 'unscored' };

export interface Label {
  vi: string;
  en: string;
}

/**
 * What an indicator counts. Dossiers and complaints add up across units and months; procedures and
 * communes are distinct counts (a procedure offered by two communes is one procedure of their
 * parent), so a parent's or a quarter's figure for them must be counted, not summed.
 */
export type CountedIn = 'dossiers' | 'complaints' | 'procedures' | 'communes';

export interface MetricDefinition {
  code: string;
  label: Label;
  maxScore: number;
  formula: Formula;
  countedIn: CountedIn;
}

export interface GroupDefinition {
  group: GroupCode;
  label: Label;
  maxScore: number;
  /** False when the portal has not published the formula and this one is our assumption. */
  isConfirmed: boolean;
  /** Why the group is scored the way it is, when that needs saying (e.g. an unconfirmed formula). */
  note?: Label;
  metrics: readonly MetricDefinition[];
}

export interface FormulaSet {
  id: string;
  /** ISO date from which periods are scored with this set. */
  validFrom: string;
  source: string;
  groups: readonly GroupDefinition[];
}

const rate = (whenEmpty: EmptyRule = 'notApplicable', fullAt = 1): Formula => ({ kind: 'rate', fullAt, whenEmpty });

const metric = (code: string, maxScore: number, formula: Formula, countedIn: CountedIn, vi: string, en: string): MetricDefinition => ({
  code,
  maxScore,
  formula,
  countedIn,
  label: { vi, en },
});

/** The online-service group's provisional indicators: equal weights, proportional to each rate. */
export const provisionalOnlineServiceMetrics: readonly MetricDefinition[] = [
  metric(
    'ONLINE_FORMALITY_PROVIDED',
    4,
    rate(),
    'procedures',
    'Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến',
    'Share of procedures offered as online public services',
  ),
  metric(
    'ONLINE_FORMALITY_WITH_DOSSIER',
    4,
    rate(),
    'procedures',
    'Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ',
    'Share of online services that received dossiers',
  ),
  metric('ONLINE_DOSSIER', 4, rate(), 'dossiers', 'Tỷ lệ hồ sơ nộp trực tuyến', 'Share of dossiers submitted online'),
];

/**
 * The portal's scoring in 2025–2026, reconstructed from its published figures (DOMAIN.md §4); it
 * reproduces the shipped samples of `shared/data/national-portal` to the hundredth.
 */
export const portalFormulaSet2025: FormulaSet = {
  id: 'dvcqg-766-2025',
  validFrom: '2025-01-01',
  source: 'Quyết định 766/QĐ-TTg (2022), as the National Public Service Portal scores it in 2025–2026',
  groups: [
    {
      group: 'TRANSPARENCY',
      label: { vi: 'Công khai, minh bạch', en: 'Publicity and transparency' },
      maxScore: 18,
      isConfirmed: true,
      metrics: [
        metric('PUBLISH_ON_TIME', 6, rate(), 'procedures', 'Công bố TTHC đúng hạn', 'Procedures published on time'),
        metric(
          'PUBLIC_UPDATE_ON_TIME',
          4,
          rate(),
          'procedures',
          'Cập nhật CSDL quốc gia về TTHC đúng hạn',
          'National database updated on time',
        ),
        metric(
          'PUBLIC_CONTENT_FULL',
          2,
          rate(),
          'procedures',
          'Công khai TTHC đầy đủ thành phần',
          'Procedures published with all components',
        ),
        metric('DOSSIER_SYNC', 6, rate(), 'dossiers', 'Hồ sơ đồng bộ lên Cổng DVCQG', 'Dossiers synced to the national portal'),
      ],
    },
    {
      group: 'PROGRESS',
      label: { vi: 'Tiến độ giải quyết', en: 'Handling progress' },
      maxScore: 20,
      isConfirmed: true,
      metrics: [
        metric('DOSSIER_ON_TIME', 20, rate(), 'dossiers', 'Hồ sơ giải quyết trước và đúng hạn', 'Dossiers handled early or on time'),
      ],
    },
    {
      group: 'ONLINE_SERVICE',
      label: { vi: 'Dịch vụ công trực tuyến', en: 'Online public services' },
      maxScore: 12,
      isConfirmed: false,
      note: {
        vi: 'Cổng DVCQG chưa công bố công thức của nhóm này; điểm là ước tính theo công thức có thể cấu hình.',
        en: "The national portal has not published this group's formula; the score is an estimate with a configurable formula.",
      },
      metrics: provisionalOnlineServiceMetrics,
    },
    {
      // 6·A + min(2, 2.5·B) + 2.5·C, whose parts can add up to 10.5: the group total is capped at 10.
      group: 'PAYMENT',
      label: { vi: 'Thanh toán trực tuyến', en: 'Online payment' },
      maxScore: 10,
      isConfirmed: true,
      metrics: [
        metric(
          'ONLINE_PAYMENT_DOSSIER',
          6,
          rate(),
          'dossiers',
          'Hồ sơ thanh toán trực tuyến / hồ sơ có nghĩa vụ tài chính',
          'Dossiers paid online / dossiers with a financial obligation',
        ),
        metric(
          'ONLINE_PAYMENT_FORMALITY',
          2,
          rate('notApplicable', 0.8),
          'procedures',
          'TTHC có phí đã thanh toán trực tuyến / TTHC có phí',
          'Fee-bearing procedures paid online / fee-bearing procedures',
        ),
        metric(
          'FEE_FORMALITY_WITH_DOSSIER',
          2.5,
          rate(),
          'procedures',
          'TTHC có phí phát sinh hồ sơ / TTHC có phí',
          'Fee-bearing procedures with dossiers / fee-bearing procedures',
        ),
      ],
    },
    {
      group: 'DIGITIZATION',
      label: { vi: 'Số hóa hồ sơ', en: 'Digitisation' },
      maxScore: 22,
      isConfirmed: true,
      metrics: [
        metric('ORIGINAL_RESULT_AVAILABLE', 6, rate(), 'dossiers', 'Cấp kết quả điện tử', 'Electronic results issued'),
        metric(
          'SO_HOA_GIAY_TO_GIAI_QUYET',
          4,
          rate(),
          'dossiers',
          'Số hóa hồ sơ, thành phần và kết quả',
          'Dossiers digitised (components and result)',
        ),
        metric(
          'REUSED_DIGITIZED_DATA',
          2,
          rate('notApplicable', 0.8),
          'dossiers',
          'Tái sử dụng dữ liệu đã số hóa',
          'Reuse of digitised data',
        ),
        metric(
          'SYNCED_WITH_DVCQG_PERSONAL_STORAGE',
          4,
          rate(),
          'dossiers',
          'Đồng bộ kho dữ liệu cá nhân trên Cổng DVCQG',
          'Linked to the personal data store',
        ),
        metric('CITIZEN_DATA_CONNECTED_DOSSIER', 2, rate(), 'dossiers', 'Hồ sơ khai thác dữ liệu dân cư', 'Dossiers using population data'),
        metric(
          'CITIZEN_DATA_CONNECTED_FORMALITY',
          2,
          rate(),
          'procedures',
          'TTHC khai thác dữ liệu dân cư',
          'Procedures using population data',
        ),
        metric(
          'ELECTRONIC_CERTIFIED_COPY',
          2,
          rate(),
          'communes',
          'Cấp, nộp bản sao chứng thực điện tử',
          'Electronic certified copies offered',
        ),
      ],
    },
    {
      group: 'SATISFACTION',
      label: { vi: 'Mức độ hài lòng', en: 'Satisfaction' },
      maxScore: 18,
      isConfirmed: true,
      metrics: [
        metric(
          'PETITION_CLASSIFICATION_TTHC',
          0,
          { kind: 'unscored' },
          'complaints',
          'Phản ánh, kiến nghị về TTHC (phân loại)',
          'Complaints about procedures (classification)',
        ),
        metric(
          'DOSSIER_RECEIVING_SATISFACTION',
          6,
          rate('zero', 0.9),
          'dossiers',
          'Mức độ hài lòng về giải quyết hồ sơ',
          'Satisfaction with dossier handling',
        ),
        metric(
          'PETITION_PROCESSING_ON_TIME',
          6,
          rate('full'),
          'complaints',
          'Xử lý phản ánh, kiến nghị đúng hạn',
          'Complaints handled on time',
        ),
        metric(
          'PETITION_HANDLING_SATISFACTION',
          6,
          rate('full'),
          'complaints',
          'Hài lòng về xử lý phản ánh, kiến nghị',
          'Satisfaction with complaint handling',
        ),
        metric(
          'PETITION_CLASSIFICATION_STAFF',
          0,
          { kind: 'unscored' },
          'complaints',
          'Phản ánh, kiến nghị về cán bộ (phân loại)',
          'Complaints about staff (classification)',
        ),
      ],
    },
  ],
};

/** Every formula set, oldest first. */
export const formulaSets: readonly FormulaSet[] = [portalFormulaSet2025];

/** The newest formula set valid on an ISO date, or null before the first one. */
export function formulaSetFor(date: string, sets: readonly FormulaSet[] = formulaSets): FormulaSet | null {
  let chosen: FormulaSet | null = null;
  for (const set of sets) if (set.validFrom <= date && (!chosen || set.validFrom >= chosen.validFrom)) chosen = set;
  return chosen;
}

/** The newest formula set of all. */
export function latestFormulaSet(sets: readonly FormulaSet[] = formulaSets): FormulaSet {
  const latest = formulaSetFor('9999-12-31', sets);
  if (!latest) throw new RangeError('no formula set');
  return latest;
}

export interface GroupOverride {
  group: GroupCode;
  metrics: readonly MetricDefinition[];
  /** Whether the replacement is the portal's published formula; false unless stated. */
  isConfirmed?: boolean;
  note?: Label;
}

/**
 * A new formula set from a base one with some groups' indicators replaced, e.g. the online-service
 * group once a province settles on (or the portal publishes) its formula.
 */
export function overrideFormulaSet(
  base: FormulaSet,
  override: { id: string; validFrom?: string; source?: string; groups: readonly GroupOverride[] },
): FormulaSet {
  const byGroup = new Map(override.groups.map((g) => [g.group, g]));
  return {
    id: override.id,
    validFrom: override.validFrom ?? base.validFrom,
    source: override.source ?? `${base.source}; overridden: ${override.groups.map((g) => g.group).join(', ')}`,
    groups: base.groups.map((group) => {
      const replacement = byGroup.get(group.group);
      if (!replacement) return group;
      const isConfirmed = replacement.isConfirmed ?? false;
      // The base note explains why the group is unconfirmed; it no longer applies once confirmed.
      const note = replacement.note ?? (isConfirmed ? undefined : group.note);
      return {
        group: group.group,
        label: group.label,
        maxScore: group.maxScore,
        isConfirmed,
        metrics: replacement.metrics,
        ...(note ? { note } : {}),
      };
    }),
  };
}

/** Finds a metric's definition and its group in a formula set. */
export function findMetric(set: FormulaSet, code: string): { group: GroupDefinition; definition: MetricDefinition } | null {
  for (const group of set.groups) {
    const definition = group.metrics.find((m) => m.code === code);
    if (definition) return { group, definition };
  }
  return null;
}

/** The formula as a reader would write it, for definition pages: "min(2, 2 × rate ÷ 0.8)". */
export function describeFormula(definition: MetricDefinition): string {
  const { formula, maxScore } = definition;
  if (formula.kind === 'unscored') return 'not scored';
  const base = formula.fullAt === 1 ? `${maxScore} × rate` : `min(${maxScore}, ${maxScore} × rate ÷ ${formula.fullAt})`;
  const empty = { notApplicable: 'not applicable', full: String(maxScore), zero: '0' }[formula.whenEmpty];
  return `${base}; ${empty} when the denominator is empty`;
}
