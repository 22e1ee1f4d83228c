import { formatVietnamDateTime, formatVnd } from '../platform/pdf/document.ts';
import type { NotificationToQueue } from '../notifications/outbox.ts';
import type { DossierAction, SupplementItem } from './domain/workflow.ts';

/** What the applicant's notice about an action says, besides the action itself. */
export interface NoticeFacts {
  code: string;
  procedureName: string;
  applicantName: string;
  /** The appointment after the action (receipt, apology). */
  appointmentAt: Date | null;
  reason: string | null;
  components: readonly SupplementItem[];
  /** The financial obligation's amount in đồng (request_financial_obligation); the reason describes it. */
  amountVnd: number | null;
  /** The applicant's page of the dossier (supplement, payment, result). */
  dossierUrl: string;
}

/** One notice: the e-mail's subject and text, and the shorter SMS text. */
export interface Notice {
  template: string;
  subject: string;
  text: string;
  sms: string;
}

/** SMS go out without diacritics: GSM-7 fits 160 characters a segment, UCS-2 only 70. */
function withoutDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

const footer = ['', 'Thư này được gửi tự động, vui lòng không trả lời. / This message was sent automatically; please do not reply.'];

/**
 * The notice an action sends the applicant (receipt, refusal, supplement request, financial
 * obligation, result ready, apology with a new appointment); null for actions the applicant is not
 * told about (internal routing, decisions before the result is recorded).
 */
export function applicantNoticeFor(action: DossierAction, f: NoticeFacts): Notice | null {
  const when = f.appointmentAt ? formatVietnamDateTime(f.appointmentAt) : 'theo thông báo của cơ quan giải quyết';
  const head = [`Kính gửi ${f.applicantName},`, '', `Hồ sơ ${f.code} — ${f.procedureName}:`];
  const reason = f.reason ? [`Lý do / reason: ${f.reason}`] : [];
  const link = [`Xem hồ sơ / view the dossier: ${f.dossierUrl}`];
  const make = (template: string, subject: string, body: string[], sms: string): Notice => ({
    template,
    subject: `${subject} ${f.code}`,
    text: [...head, ...body, '', ...link, ...footer].join('\n'),
    sms: withoutDiacritics(`Tinh so: ${sms} Ho so ${f.code}. ${f.dossierUrl}`),
  });
  switch (action) {
    case 'receive':
      return make(
        'dossier.accepted',
        'Hồ sơ đã được tiếp nhận',
        [
          'đã được tiếp nhận để giải quyết.',
          `Thời gian hẹn trả kết quả: ${when}.`,
          `Your dossier was accepted; result expected ${f.appointmentAt?.toISOString() ?? 'to be announced'}.`,
        ],
        `da duoc tiep nhan, hen tra ket qua ${when}.`,
      );
    case 'refuse':
      return make(
        'dossier.refused',
        'Hồ sơ không được tiếp nhận',
        ['không được tiếp nhận giải quyết (phiếu từ chối, mẫu 03).', ...reason, 'Your dossier was refused.'],
        'khong duoc tiep nhan.',
      );
    case 'request_supplement':
      return make(
        'dossier.supplement_requested',
        'Yêu cầu bổ sung hồ sơ',
        [
          'cần bổ sung, hoàn thiện (phiếu yêu cầu bổ sung, mẫu 02). Thời gian chờ bổ sung không tính vào thời hạn giải quyết.',
          ...f.components.map((c) => `- ${c.name}${c.note ? `: ${c.note}` : ''}`),
          ...reason,
          'Please supplement your dossier online with the components listed.',
        ],
        'can bo sung giay to.',
      );
    case 'request_financial_obligation': {
      const amount = f.amountVnd === null ? 'theo thông báo của cơ quan giải quyết' : formatVnd(f.amountVnd);
      const what = f.reason ? ` (${f.reason})` : '';
      return make(
        'dossier.financial_obligation',
        'Yêu cầu thực hiện nghĩa vụ tài chính',
        [
          'cần thực hiện nghĩa vụ tài chính trước khi tiếp tục giải quyết.',
          `Số tiền phải nộp: ${amount}${what}.`,
          'Quý vị có thể thanh toán trực tuyến tại trang hồ sơ.',
          `A financial obligation of ${f.amountVnd ?? '?'} VND must be paid before processing continues; pay online on the dossier page.`,
        ],
        `can nop ${amount} (nghia vu tai chinh).`,
      );
    }
    case 'record_result':
      return make(
        'dossier.result_ready',
        'Đã có kết quả giải quyết hồ sơ',
        ['đã có kết quả giải quyết.', 'The result of your dossier is ready.'],
        'da co ket qua giai quyet.',
      );
    case 'apologise':
      return make(
        'dossier.apology',
        'Thư xin lỗi và hẹn lại ngày trả kết quả',
        [
          'chưa giải quyết được đúng hạn. Cơ quan giải quyết xin lỗi (phiếu xin lỗi và hẹn lại, mẫu 04).',
          ...reason,
          `Thời gian hẹn trả kết quả mới: ${when}.`,
          `We apologise: your dossier is late; new appointment ${f.appointmentAt?.toISOString() ?? ''}.`,
        ],
        `xin loi vi cham tre, hen lai ${when}.`,
      );
    default:
      return null;
  }
}

/** The outbox rows of a notice: an e-mail and an SMS, to whichever contact the applicant gave. */
export function noticeMessages(
  notice: Notice,
  contact: { email: string | null; phone: string | null },
  dossierId: string,
): NotificationToQueue[] {
  const common = { template: notice.template, subject: notice.subject, subjectType: 'dossier', subjectId: dossierId };
  return [
    ...(contact.email ? [{ ...common, channel: 'email' as const, recipient: contact.email, bodyText: notice.text }] : []),
    ...(contact.phone ? [{ ...common, channel: 'sms' as const, recipient: contact.phone, bodyText: notice.sms }] : []),
  ];
}

/** What an officer's deadline warning says about a dossier. */
export interface DeadlineNoticeFacts {
  code: string;
  procedureName: string;
  applicantName: string;
  appointmentAt: Date;
  /** The officer's page of the dossier. */
  officerUrl: string;
}

/** The e-mail warning officers that a dossier falls due within one working day, or is overdue. */
export function deadlineNoticeFor(alert: 'due_soon' | 'overdue', f: DeadlineNoticeFacts): Notice {
  const when = formatVietnamDateTime(f.appointmentAt);
  const isOverdue = alert === 'overdue';
  const subject = isOverdue ? `Hồ sơ quá hạn / overdue: ${f.code}` : `Hồ sơ sắp đến hạn / due soon: ${f.code}`;
  const text = [
    isOverdue
      ? `Hồ sơ ${f.code} đã quá thời hạn giải quyết (hẹn trả ${when}).`
      : `Hồ sơ ${f.code} đến hạn trong vòng 1 ngày làm việc (hẹn trả ${when}).`,
    `Thủ tục: ${f.procedureName}`,
    `Người nộp: ${f.applicantName}`,
    isOverdue ? 'Nếu chưa có kết quả, cần ban hành phiếu xin lỗi và hẹn lại (mẫu 04).' : '',
    '',
    `Mở hồ sơ / open the dossier: ${f.officerUrl}`,
    ...footer,
  ].filter((line, i, all) => line !== '' || all[i - 1] !== '');
  return {
    template: isOverdue ? 'deadline.overdue' : 'deadline.due_soon',
    subject,
    text: text.join('\n'),
    sms: withoutDiacritics(`Tinh so: ho so ${f.code} ${isOverdue ? 'da qua han' : 'sap den han'} (${when}). ${f.officerUrl}`),
  };
}
