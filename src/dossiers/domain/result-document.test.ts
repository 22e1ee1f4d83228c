import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIssueRequest } from '../../documents/domain/issue-request.ts';
import { dossierResultRequest, refusalDocumentType, resultDocumentType, type ResultSource } from './result-document.ts';

const source: ResultSource = {
  dossierId: '00000000-0000-4000-8000-000000000001',
  dossierCode: 'G22.79.26572-261121-0001',
  procedureCode: '1.001193',
  procedureName: 'Đăng ký khai sinh',
  resultName: 'Giấy khai sinh (bản chính)',
  handlingAgencyCode: '26572-UBND',
  handlingAgencyName: 'Ủy ban nhân dân Phường Tam Long',
  applicantName: 'Nguyễn Văn An',
  applicantIdNumber: '079090001234',
  decision: 'approved',
  refusalReason: null,
  today: '2026-11-21',
};

describe('resultDocumentType', () => {
  it.each([
    ['1.001193', 'BAN_SAO_GIAY_KHAI_SINH'],
    ['1.004884', 'BAN_SAO_GIAY_KHAI_SINH'],
    ['2.000635', 'KET_QUA_2_000635'],
  ])('%s → %s', (code, type) => expect(resultDocumentType(code)).toBe(type));
});

describe('dossierResultRequest', () => {
  it('a granted birth registration is a birth certificate of the applicant, valid from today, without end', () => {
    const request = dossierResultRequest(source);
    expect(request).toMatchObject({
      agencyCode: '26572-UBND',
      documentType: 'BAN_SAO_GIAY_KHAI_SINH',
      title: 'Giấy khai sinh (bản chính)',
      subjectIdNumber: '079090001234',
      validFrom: '2026-11-21',
      validTo: null,
    });
    expect(checkIssueRequest(request)).toEqual([]);
  });

  it('a refusal is a reply with the reason, of a type no component asks for', () => {
    const request = dossierResultRequest({ ...source, decision: 'rejected', refusalReason: 'Thiếu giấy chứng sinh' });
    expect(request.documentType).toBe(refusalDocumentType);
    expect(request.body.join('\n')).toContain('Thiếu giấy chứng sinh');
  });

  it('never puts the person in the public facts, and is always a valid request', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 300 }).filter((s) => s.trim().length > 0),
        fc.constantFrom('approved', 'rejected', null),
        (name, decision) => {
          const request = dossierResultRequest({
            ...source,
            procedureName: name,
            resultName: name,
            decision: decision as ResultSource['decision'],
          });
          const facts = JSON.stringify(request.facts);
          expect(facts).not.toContain(source.applicantIdNumber);
          expect(facts).not.toContain(source.applicantName);
          expect(checkIssueRequest(request)).toEqual([]);
        },
      ),
    );
  });
});
