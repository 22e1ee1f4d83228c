import { findMetric, latestFormulaSet, type FormulaSet } from './formula-sets.ts';
import { scoreMetric, type MetricCounts, type MetricScore } from './score.ts';

/** An indicator's scoring function: its formula is looked up in the given (default: latest) formula set. */
export type IndicatorScorer = (counts: MetricCounts, formulaSet?: FormulaSet) => MetricScore;

function indicator(code: string): IndicatorScorer {
  return (counts, formulaSet = latestFormulaSet()) => {
    const found = findMetric(formulaSet, code);
    if (!found) throw new RangeError(`formula set ${formulaSet.id} has no indicator ${code}`);
    return scoreMetric(found.definition, counts);
  };
}

// Công khai, minh bạch — publicity and transparency (18).
/** Procedures published on time: 6 × rate; not applicable when none were due. */
export const scorePublishOnTime = indicator('PUBLISH_ON_TIME');
/** Procedures updated in the national database on time: 4 × rate; not applicable when none were due. */
export const scorePublicUpdateOnTime = indicator('PUBLIC_UPDATE_ON_TIME');
/** Procedures published with all their components: 2 × rate. */
export const scorePublicContentFull = indicator('PUBLIC_CONTENT_FULL');
/** Dossiers synchronised to the national portal: 6 × rate. */
export const scoreDossierSync = indicator('DOSSIER_SYNC');

// Tiến độ giải quyết — handling progress (20).
/** Dossiers handled early or on time: 20 × onTime ÷ received. */
export const scoreOnTime = indicator('DOSSIER_ON_TIME');

// Dịch vụ công trực tuyến — online services (12): formula not confirmed by the portal.
/** Procedures offered online (provisional formula: 4 × rate). */
export const scoreOnlineProcedures = indicator('ONLINE_FORMALITY_PROVIDED');
/** Online services that received dossiers (provisional formula: 4 × rate). */
export const scoreOnlineProceduresWithDossiers = indicator('ONLINE_FORMALITY_WITH_DOSSIER');
/** Dossiers submitted online (provisional formula: 4 × rate). */
export const scoreOnlineDossiers = indicator('ONLINE_DOSSIER');

// Thanh toán trực tuyến — online payment (10): 6·A + min(2, 2.5·B) + 2.5·C.
/** A: dossiers paid online ÷ dossiers with a financial obligation, 6 × A. */
export const scoreOnlinePayment = indicator('ONLINE_PAYMENT_DOSSIER');
/** B: fee-bearing procedures with an online payment ÷ fee-bearing procedures, min(2, 2.5 × B). */
export const scoreOnlinePaymentProcedures = indicator('ONLINE_PAYMENT_FORMALITY');
/** C: fee-bearing procedures with dossiers ÷ fee-bearing procedures, 2.5 × C. */
export const scoreFeeProceduresWithDossiers = indicator('FEE_FORMALITY_WITH_DOSSIER');

// Số hóa hồ sơ — digitisation (22).
/** Electronic results issued: 6 × rate. */
export const scoreElectronicResult = indicator('ORIGINAL_RESULT_AVAILABLE');
/** Dossiers digitised, components and result: 4 × rate. */
export const scoreDigitisedDossiers = indicator('SO_HOA_GIAY_TO_GIAI_QUYET');
/** Reuse of digitised data: min(2, 2 × rate ÷ 80%). */
export const scoreReuse = indicator('REUSED_DIGITIZED_DATA');
/** Results linked to the citizen's personal data store on the national portal: 4 × rate. */
export const scorePersonalStorageSync = indicator('SYNCED_WITH_DVCQG_PERSONAL_STORAGE');
/** Dossiers using population data: 2 × rate. */
export const scorePopulationDataDossiers = indicator('CITIZEN_DATA_CONNECTED_DOSSIER');
/** Procedures using population data: 2 × rate. */
export const scorePopulationDataProcedures = indicator('CITIZEN_DATA_CONNECTED_FORMALITY');
/** Communes offering electronic certified copies: 2 × rate (often a ratio decided province-wide). */
export const scoreElectronicCertifiedCopy = indicator('ELECTRONIC_CERTIFIED_COPY');

// Mức độ hài lòng — satisfaction (18).
/** Complaints and petitions handled on time: 6 × rate, 6 when there were none. */
export const scoreComplaintsOnTime = indicator('PETITION_PROCESSING_ON_TIME');
/** Satisfaction with complaint handling: 6 × rate, 6 when there were no complaints. */
export const scoreComplaintSatisfaction = indicator('PETITION_HANDLING_SATISFACTION');
/** Satisfaction with dossier handling: min(6, 6 × rate ÷ 0.9), 0 when there were no dossiers. */
export const scoreDossierSatisfaction = indicator('DOSSIER_RECEIVING_SATISFACTION');
