import { describe, expect, it } from 'vitest';
import { checkIssueRequest, type IssueRequest } from './issue-request.ts';

const request: IssueRequest = {
  agencyCode: '26572-UBND',
  documentType: 'birth-certificate-extract',
  title: 'Trích lục khai sinh',
  subjectIdNumber: '079090001234',
  validFrom: '2026-11-21',
  facts: [{ label: 'Số', value: '123/2026' }],
  body: ['Họ và tên: Nguyễn Văn An'],
};

describe('checkIssueRequest', () => {
  it.each([
    ['a complete request', {}, []],
    ['an organisation instead of a person', { subjectIdNumber: null, subjectTaxCode: '0312345673' }, []],
    ['both a person and an organisation', { subjectTaxCode: '0312345673' }, ['subject']],
    ['neither a person nor an organisation', { subjectIdNumber: null }, ['subject']],
    ['a CCCD that is not one', { subjectIdNumber: '12345' }, ['subject']],
    ['a tax code with a wrong check digit', { subjectIdNumber: null, subjectTaxCode: '0312345674' }, ['subject']],
    ['validity ending before it starts', { validTo: '2026-11-20' }, ['validity']],
    ['validity of one day', { validTo: '2026-11-21' }, []],
    ['an impossible date', { validFrom: '2026-02-30' }, ['validity']],
    ['a document type with spaces', { documentType: 'Trích lục' }, ['documentType']],
    ['a procedure component code as the type', { documentType: 'BAN_SAO_GIAY_KHAI_SINH' }, []],
    ['an empty title', { title: '  ' }, ['title']],
    ['a fact without a value', { facts: [{ label: 'Số', value: ' ' }] }, ['facts']],
    ['too many facts', { facts: Array.from({ length: 13 }, (_, i) => ({ label: `L${i}`, value: 'v' })) }, ['facts']],
  ] as const)('%s', (_name, change, expected) => {
    expect(checkIssueRequest({ ...request, ...change } as IssueRequest)).toEqual(expected);
  });
});
