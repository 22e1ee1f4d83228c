import { describe, expect, it } from 'vitest';
import type { ProcedureDetail } from '../../api.ts';
import { changesOf, draftOf } from './catalogue-edit.ts';

const procedure = {
  code: '2.000815',
  version: 3,
  name: 'Chứng thực bản sao từ bản chính',
  nameEn: null,
  timeAmount: 1,
  timeUnit: 'working_days',
  timeNote: null,
  onlineLevel: 'partial',
  fees: [
    { name: 'Phí chứng thực bản sao', amountVnd: 2000, perUnit: { field: 'pages' } },
    { name: 'Lệ phí', rule: 'Theo Nghị quyết của HĐND' },
  ],
  components: [
    { code: 'BAN_CHINH', name: 'Bản chính', isRequired: true, form: 'original', acceptedFormats: ['pdf'] },
    { code: 'BAN_SAO', name: 'Bản sao', isRequired: false, form: 'copy', acceptedFormats: ['pdf'] },
  ],
} as unknown as ProcedureDetail;

describe('the catalogue editor sends only what changed', () => {
  it('a new time and note, nothing else', () => {
    const draft = { ...draftOf(procedure), timeAmount: '0,5', changeNote: 'Rút ngắn thời hạn' };
    expect(changesOf(procedure, draft)).toEqual({ ok: true, changes: { timeAmount: 0.5 }, changeNote: 'Rút ngắn thời hạn' });
  });

  it("a fee's new amount keeps its per-page rule; a rule-only fee stays rule-only", () => {
    const draft = draftOf(procedure);
    draft.fees[0] = { ...draft.fees[0]!, amount: '3000' };
    draft.changeNote = 'Điều chỉnh mức phí';
    const result = changesOf(procedure, draft);
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.changes.fees).toEqual([
      { name: 'Phí chứng thực bản sao', amountVnd: 3000, perUnit: { field: 'pages' } },
      { name: 'Lệ phí', rule: 'Theo Nghị quyết của HĐND' },
    ]);
  });

  it('a component made optional sends the whole list with the one flag changed', () => {
    const draft = { ...draftOf(procedure), required: { BAN_CHINH: false, BAN_SAO: false }, changeNote: 'Không bắt buộc bản chính' };
    const result = changesOf(procedure, draft);
    expect(result.ok && result.changes.components?.map((c) => [c.code, c.isRequired])).toEqual([
      ['BAN_CHINH', false],
      ['BAN_SAO', false],
    ]);
  });

  it('clearing the English name sends null; an unchanged form says nothing changed', () => {
    expect(changesOf(procedure, { ...draftOf(procedure), changeNote: 'Không đổi gì' })).toEqual({
      ok: false,
      errors: { changeNote: 'errNoChange' },
    });
    const named = { ...procedure, nameEn: 'Certifying copies' } as ProcedureDetail;
    expect(changesOf(named, { ...draftOf(named), nameEn: ' ', changeNote: 'Bỏ tên tiếng Anh' })).toMatchObject({
      ok: true,
      changes: { nameEn: null },
    });
  });

  it.each([
    ['a zero time', { timeAmount: '0' }, 'timeAmount', 'errTime'],
    ['a time that is not a number', { timeAmount: 'hai' }, 'timeAmount', 'errTime'],
    ['a short name', { name: ' ab ' }, 'name', 'errName'],
    ['a short change note', { changeNote: 'abc' }, 'changeNote', 'errNote'],
  ])('refuses %s', (_name, change, field, key) => {
    const result = changesOf(procedure, { ...draftOf(procedure), changeNote: 'Sửa thủ tục', ...change });
    expect(result).toEqual({ ok: false, errors: expect.objectContaining({ [field]: key }) });
  });

  it('refuses a fee without a name, and one with neither an amount nor a rule', () => {
    const draft = { ...draftOf(procedure), changeNote: 'Thêm khoản phí' };
    draft.fees = [
      ...draft.fees,
      { original: null, name: '', amount: '', rule: '' },
      { original: null, name: 'Phí mới', amount: '1.5', rule: '' },
    ];
    const result = changesOf(procedure, draft);
    expect(result).toEqual({
      ok: false,
      errors: { 'fee-2-name': 'errFeeName', 'fee-2-amount': 'errFeeAmount', 'fee-3-amount': 'errFeeAmount' },
    });
  });
});
