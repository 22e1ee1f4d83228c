import { maskCccd } from '../identity/domain/cccd.ts';
import { canWithdraw, describeEvent, dossierStatusNames, type Bilingual } from './domain/lifecycle.ts';
import type { FinancialObligation } from './domain/financial-obligation.ts';
import type { DossierRecord } from './records.ts';
import type { DossierChannel, DossierStatus } from './schema.ts';

/** DossierSummary of the API contract: what a list shows. */
export interface DossierSummaryView {
  code: string;
  status: DossierStatus;
  statusName: Bilingual;
  channel: DossierChannel;
  procedure: { code: string; version: number; name: string; nameEn: string | null };
  receivingAgency: { code: string; name: string };
  handlingAgency: { code: string; name: string };
  applicant: { name: string; idNumberMasked: string };
  submittedAt: string;
  appointmentAt: string | null;
  feeTotalVnd: number;
  canWithdraw: boolean;
}

/** Dossier of the API contract: the summary with components and the history in plain words. */
export interface DossierView extends DossierSummaryView {
  components: {
    componentCode: string;
    name: string;
    source: string;
    attachmentId: string | null;
    fileName: string | null;
    sizeBytes: number | null;
    sha256: string | null;
  }[];
  events: { at: string; action: string; status: DossierStatus; statusName: Bilingual; description: Bilingual }[];
  /** Kết quả điện tử: signed results, downloaded from the applicant's store and verifiable at /verify/{documentId}. */
  results: {
    documentId: string;
    storeDocumentId: string;
    title: string;
    documentType: string;
    signedAt: string;
    isRevoked: boolean;
    downloadUrl: string;
    verifyPath: string;
  }[];
  /** While the dossier waits for a supplement (status 5): what the request (form 02) listed. */
  supplementRequest: { reason: string | null; components: { code: string | null; name: string; note: string | null }[] } | null;
  /** Nghĩa vụ tài chính determined during processing, owed besides the fees fixed at submission. */
  financialObligations: FinancialObligation[];
}

/** The open supplement request of a dossier waiting in status 5: the last request's listed components. */
function openSupplementRequest(record: DossierRecord): DossierView['supplementRequest'] {
  if (record.row.status !== 5) return null;
  const request = record.events.findLast((e) => e.action === 'request_supplement');
  if (!request) return null;
  const listed = (request.details as { components?: unknown } | null)?.components;
  const components = Array.isArray(listed)
    ? listed.flatMap((c: unknown) => {
        const item = c as { code?: unknown; name?: unknown; note?: unknown };
        return typeof item.name === 'string'
          ? [
              {
                code: typeof item.code === 'string' ? item.code : null,
                name: item.name,
                note: typeof item.note === 'string' ? item.note : null,
              },
            ]
          : [];
      })
    : [];
  return { reason: request.reason, components };
}

/** The list entry of a dossier. */
export function presentDossierSummary(record: Omit<DossierRecord, 'components' | 'events'>): DossierSummaryView {
  const { row } = record;
  return {
    code: row.code,
    status: row.status,
    statusName: dossierStatusNames[row.status],
    channel: row.channel,
    procedure: record.procedure,
    receivingAgency: { code: record.receivingAgency.code, name: record.receivingAgency.name },
    handlingAgency: { code: record.handlingAgency.code, name: record.handlingAgency.name },
    applicant: { name: row.applicantName, idNumberMasked: maskCccd(row.applicantIdNumber) },
    submittedAt: row.submittedAt.toISOString(),
    appointmentAt: row.appointmentAt?.toISOString() ?? null,
    feeTotalVnd: row.feeTotalVnd,
    canWithdraw: canWithdraw(row.status),
  };
}

/** The full dossier as its applicant sees it. */
export function presentDossier(record: DossierRecord): DossierView {
  return {
    ...presentDossierSummary(record),
    components: record.components.map((c) => ({ ...c })),
    events: record.events.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      status: e.toStatus,
      statusName: dossierStatusNames[e.toStatus],
      description: describeEvent(e.action, e.toStatus, e.reason),
    })),
    results: (record.results ?? []).map((r) => ({
      documentId: r.documentId,
      storeDocumentId: r.storeDocumentId,
      title: r.title,
      documentType: r.documentType,
      signedAt: r.signedAt.toISOString(),
      isRevoked: r.revokedAt !== null,
      downloadUrl: `/api/v1/me/documents/${r.storeDocumentId}/content`,
      verifyPath: `/verify/${r.documentId}`,
    })),
    supplementRequest: openSupplementRequest(record),
    financialObligations: [...record.row.financialObligations],
  };
}
