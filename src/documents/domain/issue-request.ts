import { isValidCccd } from '../../identity/domain/cccd.ts';
import { isValidTaxCode } from '../../procedures/forms/identifiers.ts';
import type { PublicFact } from '../schema.ts';

/** What an agency asks to issue as a signed document (kết quả giải quyết thủ tục, trích lục, giấy chứng nhận…). */
export interface IssueRequest {
  agencyCode: string;
  /**
   * Loại giấy tờ — a document type code. Results meant for reuse use the procedure component codes
   * (`BAN_SAO_GIAY_KHAI_SINH`), so the store can offer them where a procedure asks for that component.
   */
  documentType: string;
  title: string;
  /** CCCD of the person the document is about; give this or `subjectTaxCode`. */
  subjectIdNumber?: string | null;
  /** Tax code of the organisation the document is about. */
  subjectTaxCode?: string | null;
  dossierId?: string | null;
  /** First day of validity, YYYY-MM-DD. */
  validFrom: string;
  /** Last day of validity, YYYY-MM-DD; absent when the document does not expire. */
  validTo?: string | null;
  /** Non-personal facts printed in the document and shown by public verification. */
  facts: PublicFact[];
  /** The document's text, one paragraph per line (may name the subject; never shown publicly). */
  body: string[];
}

export type IssueProblem = 'subject' | 'documentType' | 'title' | 'validity' | 'facts' | 'body';

const limits = { facts: 12, factLabel: 80, factValue: 200, title: 200, bodyLines: 200, bodyLine: 2000 } as const;

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Everything wrong with an issue request (empty when it can be issued). */
export function checkIssueRequest(request: IssueRequest): IssueProblem[] {
  const problems: IssueProblem[] = [];
  const hasPerson = !!request.subjectIdNumber;
  const hasOrganisation = !!request.subjectTaxCode;
  const isSubjectValid =
    hasPerson !== hasOrganisation &&
    (hasPerson ? isValidCccd(request.subjectIdNumber ?? '') : isValidTaxCode(request.subjectTaxCode ?? ''));
  if (!isSubjectValid) problems.push('subject');
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$/.test(request.documentType)) problems.push('documentType');
  if (!request.title.trim() || request.title.length > limits.title) problems.push('title');
  const validTo = request.validTo ?? null;
  if (!isIsoDate(request.validFrom) || (validTo !== null && (!isIsoDate(validTo) || validTo < request.validFrom)))
    problems.push('validity');
  const areFactsValid =
    request.facts.length <= limits.facts &&
    request.facts.every(
      (f) => f.label.trim() && f.value.trim() && f.label.length <= limits.factLabel && f.value.length <= limits.factValue,
    );
  if (!areFactsValid) problems.push('facts');
  if (request.body.length > limits.bodyLines || request.body.some((l) => l.length > limits.bodyLine)) problems.push('body');
  return problems;
}
