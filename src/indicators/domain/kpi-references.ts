import type { Label } from './index-766/formula-sets.ts';
import type { KpiCode } from './kpis.ts';

/**
 * For each KPI's definition page: what its numerator and denominator count, and where the rule comes
 * from (the public text a reader can check; DOMAIN.md gathers them with their sources).
 */
export interface KpiReference {
  numerator: Label;
  denominator: Label;
  source: Label;
}

const portalOnTime: Label = {
  vi: 'Cách tính "đúng hạn" của Cổng Dịch vụ công quốc gia (thông tư 01/2018/TT-VPCP về phiếu hẹn, xin lỗi; DOMAIN.md §2 "On time")',
  en: 'The national portal’s on-time rule (Circular 01/2018/TT-VPCP slips; DOMAIN.md §2 "On time")',
};

const genuine: Label = {
  vi: 'Văn phòng Chính phủ nêu tình trạng cán bộ nộp hộ làm tăng tỷ lệ trực tuyến (DOMAIN.md §2 "Known distortion")',
  en: 'The Government Office’s report that officers keying dossiers in for applicants inflate the online rate (DOMAIN.md §2 "Known distortion")',
};

const decree42: Label = {
  vi: 'Nghị định 42/2022/NĐ-CP, điều 11 (dịch vụ công trực tuyến); Quyết định 766/QĐ-TTg (DOMAIN.md §2, §4)',
  en: 'Decree 42/2022/NĐ-CP art. 11 (online public services); Decision 766/QĐ-TTg (DOMAIN.md §2, §4)',
};

const digitisation: Label = {
  vi: 'Nghị định 45/2020/NĐ-CP (kết quả điện tử); Thông tư 01/2023/TT-VPCP (số hóa); Quyết định 766/QĐ-TTg nhóm "Số hóa hồ sơ" (DOMAIN.md §3, §4)',
  en: 'Decree 45/2020/NĐ-CP (electronic results); Circular 01/2023/TT-VPCP (digitisation); Decision 766/QĐ-TTg "Digitisation" group (DOMAIN.md §3, §4)',
};

const satisfaction: Label = {
  vi: 'Quyết định 766/QĐ-TTg nhóm "Mức độ hài lòng" (DOMAIN.md §4)',
  en: 'Decision 766/QĐ-TTg "Satisfaction" group (DOMAIN.md §4)',
};

const l = (vi: string, en: string): Label => ({ vi, en });
const received = l('Tổng số hồ sơ tiếp nhận trong kỳ (theo ngày nộp)', 'All dossiers received in the period (by submission date)');
const withResult = l('Hồ sơ có kết quả trong kỳ', 'Dossiers with a result in the period');

/** Numerator, denominator and source of every KPI (kept beside kpiDefinitions, shown on its definition page). */
export const kpiReferences: Readonly<Record<KpiCode, KpiReference>> = {
  ONLINE_RATE: {
    numerator: l('Hồ sơ nộp qua kênh trực tuyến (kể cả cán bộ nhập hộ)', 'Dossiers through the online channel (officer-keyed included)'),
    denominator: received,
    source: decree42,
  },
  GENUINE_ONLINE_RATE: {
    numerator: l('Hồ sơ do chính người nộp gửi từ phiên đăng nhập của mình', 'Dossiers the applicant sent from their own session'),
    denominator: received,
    source: genuine,
  },
  ASSISTED_SHARE: {
    numerator: l('Hồ sơ trực tuyến do cán bộ nhập hộ', 'Online dossiers keyed in by officers'),
    denominator: l('Hồ sơ nộp qua kênh trực tuyến', 'Dossiers through the online channel'),
    source: genuine,
  },
  ON_TIME_RATE: {
    numerator: l('Hồ sơ kết thúc xử lý không muộn hơn ngày hẹn', 'Dossiers that ended no later than their appointment'),
    denominator: l(
      'Hồ sơ kết thúc xử lý trong kỳ + hồ sơ còn mở đã quá hạn vào cuối kỳ',
      'Dossiers that ended in the period + dossiers open and past their appointment at its end',
    ),
    source: portalOnTime,
  },
  AVERAGE_PROCESSING_DAYS: {
    numerator: l('Tổng số ngày từ tiếp nhận đến kết thúc xử lý', 'Total days from receipt to the end of processing'),
    denominator: l('Hồ sơ kết thúc xử lý trong kỳ có thời điểm tiếp nhận', 'Dossiers that ended in the period with a receipt time'),
    source: l('Chỉ số riêng của hệ thống (không thuộc Quyết định 766)', 'The platform’s own indicator (not part of Decision 766)'),
  },
  DIGITISATION_RATE: {
    numerator: l(
      'Hồ sơ có kết quả mà mọi thành phần và kết quả đều là bản điện tử',
      'Dossiers with a result whose components and result are all electronic',
    ),
    denominator: withResult,
    source: digitisation,
  },
  ELECTRONIC_RESULT_RATE: {
    numerator: l('Hồ sơ có kết quả điện tử', 'Dossiers with an electronic result'),
    denominator: withResult,
    source: digitisation,
  },
  REUSE_RATE: {
    numerator: l('Thành phần hồ sơ lấy từ kho dữ liệu điện tử', 'Dossier components taken from the data store'),
    denominator: l('Tất cả thành phần hồ sơ của hồ sơ tiếp nhận', 'All components of the dossiers received'),
    source: l(
      'Kho quản lý dữ liệu điện tử của tổ chức, cá nhân; cờ DuocLayTuKhoDMQG của Cổng DVCQG (DOMAIN.md §3)',
      'The electronic data store of organisations and individuals; the portal’s DuocLayTuKhoDMQG flag (DOMAIN.md §3)',
    ),
  },
  ONLINE_PAYMENT_RATE: {
    numerator: l('Hồ sơ đã thanh toán trực tuyến', 'Dossiers paid online'),
    denominator: l('Hồ sơ có nghĩa vụ tài chính', 'Dossiers with a financial obligation'),
    source: l(
      'Quyết định 766/QĐ-TTg nhóm "Thanh toán trực tuyến", chỉ tiêu A (DOMAIN.md §4)',
      'Decision 766/QĐ-TTg "Online payment" group, indicator A (DOMAIN.md §4)',
    ),
  },
  VNEID_RATE: {
    numerator: l('Hồ sơ nộp bằng tài khoản VNeID mức 2', 'Dossiers submitted with a level-2 VNeID account'),
    denominator: received,
    source: l(
      'Định danh điện tử VNeID; chấm điểm của Cổng DVCQG (DOMAIN.md §2 "Applicant identity")',
      'VNeID electronic identity; the portal’s scoring (DOMAIN.md §2 "Applicant identity")',
    ),
  },
  SATISFACTION_RATE: {
    numerator: l('Lượt đánh giá hài lòng', 'Likes'),
    denominator: l('Tất cả lượt đánh giá (mỗi hồ sơ một lượt)', 'All votes (one per dossier)'),
    source: satisfaction,
  },
  COMPLAINTS_ON_TIME_RATE: {
    numerator: l('Phản ánh, kiến nghị xử lý đúng hạn', 'Complaints handled on time'),
    denominator: l('Phản ánh, kiến nghị đã xử lý trong kỳ', 'Complaints handled in the period'),
    source: satisfaction,
  },
};

/** Where the index's rules come from, for its definition pages. */
export const indexReference: Label = {
  vi: 'Quyết định 766/QĐ-TTg (2022) về Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp; cách Cổng DVCQG chấm điểm năm 2025–2026, dựng lại từ số liệu Cổng công bố (DOMAIN.md §4)',
  en: 'Decision 766/QĐ-TTg (2022) on the index for directing, operating and assessing service to citizens and businesses; the national portal’s scoring in 2025–2026, reconstructed from its published figures (DOMAIN.md §4)',
};
