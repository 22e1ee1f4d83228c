import type { IssueRequest } from '../../documents/domain/issue-request.ts';

/**
 * Kết quả giải quyết điện tử — what a dossier's signed electronic result says (Decree 45/2020/NĐ-CP,
 * art. 5: an electronic result has the legal value of the paper one). Pure: the application layer signs
 * and records it.
 */

/**
 * Loại giấy tờ of each procedure's result, as the component code later procedures ask for, so the result
 * is offered from the store at once. Birth registrations give a birth certificate, which stands for the
 * copy other procedures ask for (Decree 45/2020/NĐ-CP art. 16: a result in the store is not asked for again).
 */
export const resultDocumentTypes: Readonly<Record<string, string>> = {
  '1.001193': 'BAN_SAO_GIAY_KHAI_SINH',
  '1.004884': 'BAN_SAO_GIAY_KHAI_SINH',
  '2.000528': 'BAN_SAO_GIAY_KHAI_SINH',
  '1.000689': 'BAN_SAO_GIAY_KHAI_SINH',
};

/** The document type of a refusal to grant (văn bản trả lời nêu rõ lý do); it stands for no component. */
export const refusalDocumentType = 'VAN_BAN_TRA_LOI';

/** The document type a procedure's result is stored under: its component code, else `KET_QUA_<procedure code>`. */
export function resultDocumentType(procedureCode: string): string {
  return resultDocumentTypes[procedureCode] ?? `KET_QUA_${procedureCode.replace(/\./g, '_')}`;
}

/** What a result is made from: the dossier, its procedure and decision. */
export interface ResultSource {
  dossierId: string;
  dossierCode: string;
  procedureCode: string;
  procedureName: string;
  resultName: string;
  handlingAgencyCode: string;
  handlingAgencyName: string;
  applicantName: string;
  applicantIdNumber: string;
  decision: 'approved' | 'rejected' | null;
  /** The leader's reason when the decision was a refusal. */
  refusalReason: string | null;
  /** Vietnam date of signing, YYYY-MM-DD: the first day of validity. */
  today: string;
}

/**
 * The issue request for a dossier's result: the procedure's result when granted (typed for reuse),
 * a reply with the reason when refused. Public facts name the procedure and agency, never the person.
 */
export function dossierResultRequest(source: ResultSource): IssueRequest {
  const isRefused = source.decision === 'rejected';
  const title = isRefused ? `Văn bản trả lời về hồ sơ ${source.dossierCode}` : source.resultName;
  const body = [
    `Họ, chữ đệm, tên người yêu cầu: ${source.applicantName}`,
    `Số định danh cá nhân: ${source.applicantIdNumber}`,
    `Thủ tục: ${source.procedureName} (mã ${source.procedureCode})`,
    `Hồ sơ số: ${source.dossierCode}`,
    isRefused
      ? `${source.handlingAgencyName} không giải quyết yêu cầu. Lý do: ${source.refusalReason ?? 'không nêu'}.`
      : `${source.handlingAgencyName} đã giải quyết hồ sơ. Kết quả: ${source.resultName}.`,
  ];
  return {
    agencyCode: source.handlingAgencyCode,
    documentType: isRefused ? refusalDocumentType : resultDocumentType(source.procedureCode),
    title: title.slice(0, 200),
    subjectIdNumber: source.applicantIdNumber,
    dossierId: source.dossierId,
    validFrom: source.today,
    validTo: null,
    facts: [
      { label: 'Thủ tục', value: `${source.procedureCode} — ${source.procedureName}`.slice(0, 200) },
      { label: 'Loại kết quả', value: (isRefused ? 'Văn bản trả lời' : source.resultName).slice(0, 200) },
    ],
    body,
  };
}
