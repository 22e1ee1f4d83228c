import { and, eq, isNull } from 'drizzle-orm';
import type { IssueRequest } from '../documents/domain/issue-request.ts';
import { isValidOn } from '../documents/domain/store-access.ts';
import { issueSignedDocument } from '../documents/issue-document.ts';
import { issuedDocuments, storeDocuments } from '../documents/schema.ts';
import type { DocumentServices } from '../documents/services.ts';
import { vietnamToday } from '../units/routes.ts';

/**
 * Trích lục khai sinh of the first demo citizen (Nguyễn Văn An), issued by Phường Tam Long, typed as the
 * component `BAN_SAO_GIAY_KHAI_SINH` so that procedure 2.000635 (fee 8.000 đồng) takes it from the store
 * instead of asking for an upload: the once-only path of the demo.
 */
export const demoBirthExtract: IssueRequest = {
  agencyCode: '26572-UBND',
  documentType: 'BAN_SAO_GIAY_KHAI_SINH',
  title: 'Trích lục khai sinh',
  subjectIdNumber: '079090001234',
  validFrom: '2026-01-01',
  facts: [
    { label: 'Số', value: '125/TLKS-BS' },
    { label: 'Quyển số', value: '01/2026' },
  ],
  body: ['Họ, chữ đệm, tên: NGUYỄN VĂN AN', 'Ngày, tháng, năm sinh: 12/05/1990', 'Nơi đăng ký khai sinh: Ủy ban nhân dân phường Tam Long'],
};

/**
 * Gives the first demo citizen a valid signed birth extract in their store, once: an existing one (not
 * revoked, valid today, its bytes still in the object store) is kept. Safe to run at every start.
 */
export async function seedDemoStore(services: DocumentServices): Promise<{ storeDocumentId: string; isNew: boolean }> {
  const request = demoBirthExtract;
  const today = vietnamToday(services.now());
  const held = await services.db
    .select({ store: storeDocuments })
    .from(storeDocuments)
    .innerJoin(issuedDocuments, eq(issuedDocuments.id, storeDocuments.issuedDocumentId))
    .where(
      and(
        eq(storeDocuments.ownerIdNumber, request.subjectIdNumber ?? ''),
        eq(storeDocuments.documentType, request.documentType),
        eq(storeDocuments.agencyCode, request.agencyCode),
        isNull(issuedDocuments.revokedAt),
      ),
    );
  for (const { store } of held)
    if (isValidOn(store, today) && (await services.store.get(store.objectKey))) return { storeDocumentId: store.id, isNew: false };

  const issued = await issueSignedDocument(services, request, { kind: 'system', id: 'demo-seed' });
  const [stored] = await services.db
    .select({ id: storeDocuments.id })
    .from(storeDocuments)
    .where(eq(storeDocuments.issuedDocumentId, issued.id));
  if (!stored) throw new Error('the demo birth extract is not in the store');
  return { storeDocumentId: stored.id, isNew: true };
}
