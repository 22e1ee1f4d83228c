import { describe, expect, it } from 'vitest';
import { dossierActions, type DossierAction } from './domain/workflow.ts';
import { applicantNoticeFor, noticeMessages, type NoticeFacts } from './notices.ts';

const facts: NoticeFacts = {
  code: '79.260302.ABC123',
  procedureName: 'Đăng ký khai sinh',
  applicantName: 'Nguyễn Văn An',
  appointmentAt: new Date('2026-03-05T09:30:00Z'),
  reason: 'Thiếu bản sao giấy chứng sinh',
  components: [{ name: 'Giấy chứng sinh', note: 'bản chụp rõ nét' }],
  amountVnd: 150_000,
  dossierUrl: 'https://tinhso.example/ho-so/79.260302.ABC123',
};

describe('applicantNoticeFor', () => {
  it.each<[DossierAction, string | null, RegExp | null]>([
    ['receive', 'dossier.accepted', /16 giờ 30, ngày 05\/03\/2026/],
    ['refuse', 'dossier.refused', /Thiếu bản sao/],
    ['request_supplement', 'dossier.supplement_requested', /- Giấy chứng sinh: bản chụp rõ nét/],
    ['request_financial_obligation', 'dossier.financial_obligation', /Số tiền phải nộp: 150\.000 đồng \(Thiếu bản sao giấy chứng sinh\)/],
    ['record_result', 'dossier.result_ready', /đã có kết quả/],
    ['apologise', 'dossier.apology', /hẹn trả kết quả mới: 16 giờ 30/],
    ['forward', null, null],
    ['approve', null, null],
    ['withdraw', null, null],
  ])('%s → %s', (action, template, text) => {
    const notice = applicantNoticeFor(action, facts);
    expect(notice?.template ?? null).toBe(template);
    if (!notice || !text) return;
    expect(notice.text).toMatch(text);
    expect(notice.subject).toContain(facts.code);
    expect(notice.text).toContain(facts.dossierUrl);
    // SMS stay ASCII and short enough for two segments.
    expect(notice.sms).toMatch(/^[\x20-\x7e]+$/);
    expect(notice.sms.length).toBeLessThanOrEqual(306);
  });

  it('covers every action of the table without throwing', () => {
    for (const action of dossierActions) expect(() => applicantNoticeFor(action, facts)).not.toThrow();
  });

  it('the SMS of a financial obligation carries the amount', () => {
    expect(applicantNoticeFor('request_financial_obligation', facts)?.sms).toContain('can nop 150.000 dong');
  });
});

describe('noticeMessages', () => {
  const notice = applicantNoticeFor('receive', facts)!;
  it.each([
    [{ email: 'an@example.vn', phone: '0901234567' }, ['email', 'sms']],
    [{ email: 'an@example.vn', phone: null }, ['email']],
    [{ email: null, phone: '0901234567' }, ['sms']],
    [{ email: null, phone: null }, []],
  ])('%o → %o', (contact, channels) => {
    expect(noticeMessages(notice, contact, 'd-1').map((m) => m.channel)).toEqual(channels);
  });
});
