import type { DossierStatus } from '../schema.ts';
import { transitionTable } from './workflow.ts';

/** Text in Vietnamese and English. */
export interface Bilingual {
  vi: string;
  en: string;
}

/** The national status names (synced to the national portal, DOMAIN.md §2), with plain English beside them. */
export const dossierStatusNames: Readonly<Record<DossierStatus, Bilingual>> = {
  1: { vi: 'Mới đăng ký', en: 'Submitted' },
  2: { vi: 'Được tiếp nhận', en: 'Received' },
  3: { vi: 'Không được tiếp nhận', en: 'Not accepted' },
  4: { vi: 'Đang xử lý', en: 'Being processed' },
  5: { vi: 'Yêu cầu bổ sung giấy tờ', en: 'More documents requested' },
  6: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Payment requested' },
  7: { vi: 'Công dân yêu cầu rút hồ sơ', en: 'Withdrawn by the applicant' },
  8: { vi: 'Dừng xử lý', en: 'Processing stopped' },
  9: { vi: 'Đã xử lý xong', en: 'Decided' },
  10: { vi: 'Đã trả kết quả', en: 'Result returned' },
};

/** Actions this module performs on a dossier; the back office adds its own rows to the table below. */
export type CitizenAction = 'submit' | 'withdraw';

export interface Transition {
  action: CitizenAction;
  /** Statuses the action is allowed from; null = the dossier does not exist yet. */
  from: readonly (DossierStatus | null)[];
  to: DossierStatus;
  /** Who may take the action: the applicant's own session. */
  actor: 'applicant';
}

/**
 * The citizen's part of the transition table (status × action → next status). Withdrawal is allowed
 * until the dossier is decided: not after refusal (3), withdrawal (7), stop (8), decision (9) or return (10).
 */
export const citizenTransitions: readonly Transition[] = [
  { action: 'submit', from: [null], to: 1, actor: 'applicant' },
  // The statuses come from the workflow's transition table, so the two can never disagree.
  { action: 'withdraw', from: transitionTable.filter((r) => r.action === 'withdraw').flatMap((r) => r.from), to: 7, actor: 'applicant' },
];

/** The status an action leads to from `from`, or null when the table does not allow it. */
export function nextStatus(action: CitizenAction, from: DossierStatus | null): DossierStatus | null {
  const row = citizenTransitions.find((t) => t.action === action && t.from.includes(from));
  return row ? row.to : null;
}

/** Whether the applicant may still withdraw a dossier in this status. */
export function canWithdraw(status: DossierStatus): boolean {
  return nextStatus('withdraw', status) !== null;
}

const actionDescriptions: Readonly<Record<string, Bilingual>> = {
  submit: { vi: 'Hồ sơ đã được nộp trực tuyến.', en: 'The dossier was submitted online.' },
  withdraw: { vi: 'Bạn đã rút hồ sơ.', en: 'You withdrew the dossier.' },
  receive: { vi: 'Cơ quan đã tiếp nhận hồ sơ.', en: 'The agency received the dossier.' },
  refuse: { vi: 'Cơ quan từ chối tiếp nhận hồ sơ.', en: 'The agency refused to accept the dossier.' },
  request_supplement: {
    vi: 'Cơ quan yêu cầu bổ sung, hoàn thiện hồ sơ.',
    en: 'The agency asked for more documents.',
  },
  supplement: { vi: 'Hồ sơ đã được bổ sung.', en: 'The missing documents were added.' },
  request_payment: { vi: 'Cơ quan yêu cầu nộp phí, lệ phí.', en: 'The agency asked for the fee to be paid.' },
  pay: { vi: 'Phí, lệ phí đã được nộp.', en: 'The fee was paid.' },
  process: { vi: 'Hồ sơ đang được xử lý.', en: 'The dossier is being processed.' },
  stop: { vi: 'Cơ quan dừng xử lý hồ sơ.', en: 'The agency stopped processing the dossier.' },
  decide: { vi: 'Hồ sơ đã được giải quyết xong.', en: 'A decision was made on the dossier.' },
  return_result: { vi: 'Kết quả đã được trả.', en: 'The result was handed over.' },
  // Feedback (src/feedback): they leave the status as it is.
  feedback_vote: { vi: 'Người nộp hồ sơ đã đánh giá mức độ hài lòng.', en: 'The applicant rated the handling.' },
  complaint_submit: { vi: 'Người nộp hồ sơ gửi phản ánh, kiến nghị.', en: 'The applicant filed a complaint.' },
  complaint_accept: { vi: 'Cơ quan tiếp nhận phản ánh, kiến nghị.', en: 'The agency accepted the complaint.' },
  complaint_reject: { vi: 'Cơ quan từ chối phản ánh, kiến nghị.', en: 'The agency refused the complaint.' },
  complaint_request_info: { vi: 'Cơ quan đề nghị bổ sung thông tin phản ánh.', en: 'The agency asked for more about the complaint.' },
  complaint_reply: { vi: 'Người nộp hồ sơ bổ sung thông tin phản ánh.', en: 'The applicant added to the complaint.' },
  complaint_resolve: { vi: 'Cơ quan đã trả lời phản ánh, kiến nghị.', en: 'The agency answered the complaint.' },
  complaint_publish: { vi: 'Kết quả xử lý phản ánh đã được công khai.', en: 'The answer to the complaint was published.' },
  complaint_rate: { vi: 'Người nộp hồ sơ đánh giá việc xử lý phản ánh.', en: 'The applicant rated the complaint handling.' },
};

/** One history line in plain words for the applicant: what happened, with the reason when there is one. */
export function describeEvent(action: string, toStatus: DossierStatus, reason: string | null): Bilingual {
  const base = actionDescriptions[action] ?? {
    vi: `Trạng thái: ${dossierStatusNames[toStatus].vi}.`,
    en: `Status: ${dossierStatusNames[toStatus].en}.`,
  };
  if (!reason) return base;
  return { vi: `${base.vi} Lý do: ${reason}`, en: `${base.en} Reason: ${reason}` };
}
