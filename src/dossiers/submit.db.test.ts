import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, signInOfficer, signInSandboxCitizen, type ApiClient } from '../../test/support/api-client.ts';
import {
  birthRegistrationAnswers,
  birthRegistrationBody,
  dossierTableCounts,
  submitDossierAs,
  uploadPdf,
} from '../../test/support/dossiers.ts';
import { exeFile, fileForm, jpegFile } from '../../test/support/files.ts';
import { extractPdfText } from '../../test/support/pdf-text.ts';
import { decodedSubject, mimeParts, SmtpSink } from '../../test/support/smtp-sink.ts';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { notifications } from '../notifications/schema.ts';
import { publishProcedureVersion } from '../procedures/publish-version.ts';
import { attachments, dossierEvents, dossiers, idempotencyKeys } from './schema.ts';

let ctx: TestContext;
let smtp: SmtpSink;
let objectsDir: string;
let an: ApiClient;
let binh: ApiClient;

interface DossierBody {
  code: string;
  status: number;
  channel: number;
  statusName: { vi: string; en: string };
  handlingAgency: { code: string; name: string };
  receivingAgency: { code: string; name: string };
  components: { componentCode: string; source: string; attachmentId: string | null; fileName: string | null }[];
  events: { action: string; status: number; description: { vi: string; en: string } }[];
  appointmentAt: string;
  feeTotalVnd: number;
  canWithdraw: boolean;
  applicant: { name: string; idNumberMasked: string };
}
interface ErrorBody {
  code: string;
  details: Record<string, unknown>;
}

beforeAll(async () => {
  smtp = await new SmtpSink().start();
  objectsDir = await mkdtemp(path.join(os.tmpdir(), 'tinhso-objects-'));
  ctx = await createTestContext({
    listen: true,
    config: { objectStoreDir: objectsDir, mail: { smtpUrl: smtp.url, from: 'Tỉnh số <no-reply@tinhso.test>', dispatch: 'after-commit' } },
  });
  [an, binh] = await Promise.all([signInSandboxCitizen(ctx.baseUrl, '079090001234'), signInSandboxCitizen(ctx.baseUrl, '079185004321')]);
});
afterAll(async () => {
  await ctx.close();
  await smtp.stop();
  await rm(objectsDir, { recursive: true, force: true });
});

describe(`submitting a dossier online (${testBackend()})`, () => {
  it('creates the dossier, its components, first event, audit row and receipt e-mail with the slip attached', async () => {
    const certificate = await uploadPdf(an);
    const res = await submitDossierAs(an, birthRegistrationBody(certificate));
    expect(res.status).toBe(201);
    const dossier = (await res.json()) as DossierBody;
    expect(dossier.code).toMatch(/^79\.\d{6}\.[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(dossier).toMatchObject({
      status: 1,
      statusName: { vi: 'Mới đăng ký' },
      channel: 2,
      receivingAgency: { code: '26572-TTPVHCC', name: 'Trung tâm Phục vụ hành chính công Phường Tam Long' },
      handlingAgency: { code: '26572-UBND', name: 'Ủy ban nhân dân Phường Tam Long' },
      applicant: { name: 'Nguyễn Văn An', idNumberMasked: '079*****1234' },
      feeTotalVnd: 0,
      canWithdraw: true,
      events: [{ action: 'submit', status: 1, description: { vi: 'Hồ sơ đã được nộp trực tuyến.' } }],
    });
    expect(dossier.components.map((c) => [c.componentCode, c.source, c.attachmentId])).toEqual([
      ['TO_KHAI_KHAI_SINH', 'eform', null],
      ['GIAY_CHUNG_SINH', 'upload', certificate],
      ['GIAY_TO_TUY_THAN', 'population_db', null],
    ]);
    // 1 working day by the province's working calendar: the same moment the calendar API answers.
    const submittedAt = ((await (await an.get(`/api/v1/dossiers/${dossier.code}`)).json()) as { submittedAt: string }).submittedAt;
    const calendar = await an.get(`/api/v1/calendar/appointment?from=${encodeURIComponent(submittedAt)}&amount=1&unit=working_days`);
    expect(dossier.appointmentAt).toBe(((await calendar.json()) as { appointmentAt: string }).appointmentAt);

    // What the submission answered is what was written: the same dossier read back from the database.
    expect(await (await an.get(`/api/v1/dossiers/${dossier.code}`)).json()).toEqual(dossier);

    const { db } = ctx.database;
    const [row] = await db.select().from(dossiers).where(eq(dossiers.code, dossier.code));
    expect(row).toMatchObject({
      status: 1,
      channel: 2,
      submitterKind: 'applicant',
      submitterOfficerId: null,
      isVneidVerified: true,
      unitCode: '26572',
      applicantIdNumber: '079090001234',
      applicantEmail: 'nguyenvanan@example.vn',
      applicantPhone: '+84901234567',
      feeTotalVnd: 0,
      currentStep: 'reception',
      version: 1,
      formData: birthRegistrationAnswers(certificate),
    });
    expect(row?.submittedAt.getTime()).toBe(row?.updatedAt.getTime());
    const events = await db
      .select()
      .from(dossierEvents)
      .where(eq(dossierEvents.dossierId, row?.id ?? ''));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'submit', fromStatus: null, toStatus: 1, actorKind: 'citizen', actorSessionMethod: 'vneid' });
    expect(events[0]?.actorId).toBe(row?.applicantCitizenId);
    const [claimed] = await db.select().from(attachments).where(eq(attachments.id, certificate));
    expect(claimed?.dossierId).toBe(row?.id);
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'dossier.submitted'), eq(auditLog.subjectId, row?.id ?? '')));
    expect(audits).toHaveLength(1);

    const mail = await smtp.waitFor((m) => m.raw.includes(dossier.code));
    expect(mail.to).toEqual(['nguyenvanan@example.vn']);
    expect(decodedSubject(mail.raw)).toBe(`Đã tiếp nhận hồ sơ ${dossier.code} — Đăng ký khai sinh`);
    const pdf = mimeParts(mail.raw).find((p) => (p.headers['content-type'] ?? '').startsWith('application/pdf'));
    expect(pdf?.headers['content-disposition']).toContain(`giay-tiep-nhan-${dossier.code}.pdf`);
    const text = await extractPdfText(new Uint8Array(pdf?.body ?? []));
    expect(text).toContain(dossier.code);
    expect(text).toContain('Đăng ký khai sinh');
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    await ctx.app.notifications.idle();
    const [sent] = await db
      .select()
      .from(notifications)
      .where(eq(notifications.subjectId, row?.id ?? ''));
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, recipient: 'nguyenvanan@example.vn', template: 'dossier.received' });

    const receipt = await an.get(`/api/v1/dossiers/${dossier.code}/receipt.pdf`);
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await receipt.arrayBuffer());
    expect(await extractPdfText(bytes)).toContain(dossier.code);
    expect(bytes.equals(pdf?.body ?? Buffer.alloc(0))).toBe(true);
    const again = Buffer.from(await (await an.get(`/api/v1/dossiers/${dossier.code.toLowerCase()}/receipt.pdf`)).arrayBuffer());
    expect(again.equals(bytes)).toBe(true);
  });

  it('sends the receipt to the contact e-mail given, and takes a commune procedure at the city centre for the commune chosen', async () => {
    const [residence, declaration] = [await uploadPdf(an, 'hop-dong-thue-nha.pdf'), await uploadPdf(an, 'CT01.pdf')];
    const res = await submitDossierAs(an, {
      procedureCode: '1.004194',
      procedureVersion: 1,
      receivingAgencyCode: '79-TTPVHCC',
      communeCode: '26572',
      formData: {},
      components: [
        { componentCode: 'TO_KHAI_THAY_DOI_CU_TRU', attachmentIds: [declaration] },
        { componentCode: 'CHO_O_HOP_PHAP', attachmentIds: [residence] },
      ],
      contact: { email: 'an.nguyen@example.org' },
    });
    expect(res.status).toBe(201);
    const dossier = (await res.json()) as DossierBody;
    expect(dossier.handlingAgency).toEqual({ code: '26572-CA', name: 'Công an Phường Tam Long' });
    expect(dossier.feeTotalVnd).toBe(15_000);
    const mail = await smtp.waitFor((m) => m.raw.includes(dossier.code));
    expect(mail.to).toEqual(['an.nguyen@example.org']);
  });

  it('does not wait for SMTP: a mail server that is down leaves the e-mail failed for a retry, the dossier stands', async () => {
    const down = await createTestContext({
      listen: true,
      config: { objectStoreDir: objectsDir, mail: { smtpUrl: 'smtp://127.0.0.1:9', from: 'x@tinhso.test', dispatch: 'after-commit' } },
    });
    try {
      const citizen = await signInSandboxCitizen(down.baseUrl);
      const res = await submitDossierAs(citizen, birthRegistrationBody(await uploadPdf(citizen)));
      expect(res.status).toBe(201);
      await down.app.notifications.idle();
      const [mail] = await down.database.db.select().from(notifications);
      expect(mail).toMatchObject({ status: 'failed', attempts: 1 });
      expect(mail?.lastError).toMatch(/ECONNREFUSED|connect/i);
    } finally {
      await down.close();
    }
  });
});

describe(`Idempotency-Key (${testBackend()})`, () => {
  it('answers a sequential retry with the same dossier (200) and stores nothing more', async () => {
    const key = randomUUID();
    const body = birthRegistrationBody(await uploadPdf(an));
    const first = await submitDossierAs(an, body, key);
    expect(first.status).toBe(201);
    const before = await dossierTableCounts(ctx.database);
    // Same body with its keys in another order: the same request.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const retry = await submitDossierAs(an, reordered, key);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(((await retry.json()) as DossierBody).code).toBe(((await first.json()) as DossierBody).code);
    expect(await dossierTableCounts(ctx.database)).toEqual(before);
  });

  it('answers concurrent retries with one dossier', async () => {
    const key = randomUUID();
    const body = birthRegistrationBody(await uploadPdf(an));
    const before = await dossierTableCounts(ctx.database);
    const responses = await Promise.all(Array.from({ length: 6 }, () => submitDossierAs(an, body, key)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 201]);
    const codes = new Set(await Promise.all(responses.map(async (r) => ((await r.json()) as DossierBody).code)));
    expect(codes.size).toBe(1);
    const after = await dossierTableCounts(ctx.database);
    expect(after.dossiers).toBe(before.dossiers + 1);
    expect(after.idempotencyKeys).toBe(before.idempotencyKeys + 1);
    expect(after.events).toBe(before.events + 1);
    const keys = await ctx.database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
    expect(keys).toHaveLength(1);
  });

  it('refuses the same key with another body (422 IDEMPOTENCY_KEY_REUSED) and a missing or malformed key (400)', async () => {
    const key = randomUUID();
    expect((await submitDossierAs(an, birthRegistrationBody(await uploadPdf(an)), key)).status).toBe(201);
    const before = await dossierTableCounts(ctx.database);
    const other = await submitDossierAs(an, birthRegistrationBody(await uploadPdf(an)), key);
    expect(other.status).toBe(422);
    expect(((await other.json()) as ErrorBody).code).toBe('IDEMPOTENCY_KEY_REUSED');
    const body = birthRegistrationBody(await uploadPdf(an));
    const after = await dossierTableCounts(ctx.database);
    const missing = await submitDossierAs(an, body, null);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as ErrorBody).code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    const malformed = await submitDossierAs(an, body, 'short');
    expect(((await malformed.json()) as ErrorBody).code).toBe('IDEMPOTENCY_KEY_INVALID');
    expect(after.dossiers).toBe(before.dossiers);
    expect(await dossierTableCounts(ctx.database)).toEqual(after);
  });

  it('lets only one of two concurrent submissions (different keys) claim the same file; the other stores nothing', async () => {
    const certificate = await uploadPdf(an);
    const before = await dossierTableCounts(ctx.database);
    const responses = await Promise.all([1, 2, 3].map(() => submitDossierAs(an, birthRegistrationBody(certificate))));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 422, 422]);
    for (const r of responses.filter((x) => x.status === 422)) expect(((await r.json()) as ErrorBody).code).toBe('ATTACHMENT_NOT_FOUND');
    const after = await dossierTableCounts(ctx.database);
    expect(after).toEqual({
      ...before,
      dossiers: before.dossiers + 1,
      components: before.components + 3,
      events: before.events + 1,
      idempotencyKeys: before.idempotencyKeys + 1,
      claimedAttachments: before.claimedAttachments + 1,
      notifications: before.notifications + 1,
      dossierAudits: before.dossierAudits + 1,
    });
  });

  it('keeps keys per citizen: another citizen may use the same key', async () => {
    const key = randomUUID();
    expect((await submitDossierAs(an, birthRegistrationBody(await uploadPdf(an)), key)).status).toBe(201);
    expect((await submitDossierAs(binh, birthRegistrationBody(await uploadPdf(binh)), key)).status).toBe(201);
  });
});

type Mutate = (body: Record<string, unknown>, ids: { mine: string; binhs: string }) => Record<string, unknown>;

/** The birth-registration answers with one value (at a dotted path) changed. */
function answering(path: string, value: unknown): Mutate {
  return (body) => {
    const form = structuredClone(body['formData']) as Record<string, unknown>;
    const keys = path.split('.');
    const last = keys.pop() as string;
    let scope = form;
    for (const k of keys) scope = scope[k] as Record<string, unknown>;
    scope[last] = value;
    return { ...body, formData: form };
  };
}

async function expectRefusedStoringNothing(body: unknown, status: number, code: string): Promise<ErrorBody> {
  const before = await dossierTableCounts(ctx.database);
  const res = await submitDossierAs(an, body);
  const error = (await res.json()) as ErrorBody;
  expect({ status: res.status, code: error.code }).toEqual({ status, code });
  expect(await dossierTableCounts(ctx.database)).toEqual(before);
  return error;
}

describe(`bad input: a 4xx with its own code, and nothing stored (${testBackend()})`, () => {
  it.each([
    ['an invalid CCCD', 'mother.personalId', '123456789012', 'invalid_cccd'],
    ['a CCCD with an unknown province code', 'father.personalId', '999090001234', 'invalid_cccd'],
    ['an impossible date', 'child.birthDate', '2025-02-30', 'invalid_date'],
    ['a birth date in the future', 'child.birthDate', '2099-01-01', 'date_in_future'],
    ['a choice that is not offered', 'child.sex', 'other', 'invalid_option'],
    ['a phone number that is not Vietnamese', 'requester.phone', '12345', 'invalid_phone'],
    ['a field the form does not have', 'isAdmin', true, 'unknown_field'],
    ['an unknown commune in an address', 'mother.residence', { communeCode: '99999', street: 'x' }, 'unknown_commune'],
  ])('FORM_INVALID for %s (%s)', async (_name, path, value, code) => {
    const body = answering(path, value)(birthRegistrationBody(await uploadPdf(an)), { mine: '', binhs: '' });
    const error = await expectRefusedStoringNothing(body, 422, 'FORM_INVALID');
    const field = code === 'unknown_commune' ? `${path}.communeCode` : path;
    expect(error.details['fields']).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]));
  });

  it('FORM_INVALID for a conditional field left empty (foreign element ticked, no nationality)', async () => {
    const body = answering('hasForeignElement', true)(birthRegistrationBody(await uploadPdf(an)), { mine: '', binhs: '' });
    const error = await expectRefusedStoringNothing(body, 422, 'FORM_INVALID');
    expect(error.details['fields']).toEqual([expect.objectContaining({ field: 'foreignNationality', code: 'required' })]);
  });

  it.each<[string, Mutate, number, string]>([
    [
      'another citizen’s attachment',
      (b, ids) => ({
        ...answering('birthCertificate', [ids.binhs])(b, ids),
        components: [{ componentCode: 'GIAY_CHUNG_SINH', attachmentIds: [ids.binhs] }],
      }),
      422,
      'ATTACHMENT_NOT_FOUND',
    ],
    [
      'a component the procedure does not have',
      (b, ids) => ({ ...b, components: [...(b['components'] as object[]), { componentCode: 'SO_HO_KHAU', attachmentIds: [ids.mine] }] }),
      422,
      'COMPONENT_UNKNOWN',
    ],
    ['an agency that does not receive dossiers', (b) => ({ ...b, receivingAgencyCode: '79-STP' }), 422, 'AGENCY_NOT_RECEIVING'],
    ['an agency that does not exist', (b) => ({ ...b, receivingAgencyCode: '99999-TTPVHCC' }), 422, 'AGENCY_NOT_RECEIVING'],
    [
      'a commune procedure at the city centre without a commune',
      (b) => ({ ...b, receivingAgencyCode: '79-TTPVHCC' }),
      422,
      'HANDLING_COMMUNE_INVALID',
    ],
    ['a commune outside the province', (b) => ({ ...b, communeCode: '00004' }), 422, 'HANDLING_COMMUNE_INVALID'],
    ['a procedure that does not exist', (b) => ({ ...b, procedureCode: '9.999999' }), 404, 'PROCEDURE_NOT_FOUND'],
    ['a version that never existed', (b) => ({ ...b, procedureVersion: 99 }), 409, 'PROCEDURE_VERSION_NOT_CURRENT'],
    ['a malformed body', (b) => ({ ...b, procedureCode: 'khai sinh' }), 400, 'VALIDATION_FAILED'],
  ])('%s', async (_name, mutate, status, code) => {
    const ids = { mine: await uploadPdf(an), binhs: await uploadPdf(binh) };
    await expectRefusedStoringNothing(mutate(birthRegistrationBody(ids.mine), ids), status, code);
  });

  // The write claims a file only when usable and of an accepted type; when it refuses, the files are
  // read and checked to say which and why (the first attempt reads none).
  it('ATTACHMENT_FORMAT_NOT_ACCEPTED for a JPEG where the building permit takes only a PDF drawing, naming the file', async () => {
    const res = await an.call('POST', '/api/v1/attachments', { body: fileForm(jpegFile(800, 600), 'ban-ve.jpg', 'image/jpeg') });
    expect(res.status).toBe(201);
    const drawing = ((await res.json()) as { id: string }).id;
    const [application, land] = [await uploadPdf(an, 'don.pdf'), await uploadPdf(an, 'giay-to-dat.pdf')];
    const permit = (drawingId: string) => ({
      procedureCode: '1.013225',
      procedureVersion: 1,
      receivingAgencyCode: '26572-TTPVHCC',
      formData: {},
      components: [
        { componentCode: 'DON_DE_NGHI_GPXD', attachmentIds: [application] },
        { componentCode: 'GIAY_TO_DAT', attachmentIds: [land] },
        { componentCode: 'BAN_VE_THIET_KE', attachmentIds: [drawingId] },
      ],
    });
    const error = await expectRefusedStoringNothing(permit(drawing), 422, 'ATTACHMENT_FORMAT_NOT_ACCEPTED');
    expect(error.details['items']).toEqual([
      { componentCode: 'BAN_VE_THIET_KE', attachmentId: drawing, format: 'jpg', acceptedFormats: ['pdf'] },
    ]);
    const [row] = await ctx.database.db.select().from(attachments).where(eq(attachments.id, drawing));
    expect(row?.dossierId).toBeNull();
    // The same files with a PDF drawing go through: the refusal was the drawing's format only.
    expect((await submitDossierAs(an, permit(await uploadPdf(an, 'ban-ve.pdf')))).status).toBe(201);
  });

  it('ATTACHMENT_NOT_FOUND for a file another dossier of the same citizen already holds', async () => {
    const certificate = await uploadPdf(an);
    expect((await submitDossierAs(an, birthRegistrationBody(certificate))).status).toBe(201);
    const error = await expectRefusedStoringNothing(birthRegistrationBody(certificate), 422, 'ATTACHMENT_NOT_FOUND');
    expect(error.details['attachmentIds']).toEqual([certificate]);
  });

  it('an invalid tax code (household business closure, a form with a tax code field)', async () => {
    await publishProcedureVersion(ctx.database.db, {
      provinceCode: '79',
      code: '1.001266',
      changeNote: 'Biểu mẫu trực tuyến có mã số thuế của hộ kinh doanh',
      changes: {
        formDefinition: {
          version: 1,
          title: { vi: 'Thông báo chấm dứt hoạt động hộ kinh doanh', en: 'Notice of closure of a household business' },
          fields: [
            { type: 'text', name: 'businessName', label: { vi: 'Tên hộ kinh doanh', en: 'Business name' }, required: true },
            { type: 'taxCode', name: 'taxCode', label: { vi: 'Mã số thuế', en: 'Tax code' }, required: true },
          ],
        },
      },
    });
    const notice = await uploadPdf(an, 'thong-bao.pdf');
    const tax = await uploadPdf(an, 'xac-nhan-thue.pdf');
    const body = (taxCode: string) => ({
      procedureCode: '1.001266',
      procedureVersion: 2,
      receivingAgencyCode: '26572-TTPVHCC',
      formData: { businessName: 'Tiệm tạp hóa An Bình', taxCode },
      components: [
        { componentCode: 'THONG_BAO_CHAM_DUT', attachmentIds: [notice] },
        { componentCode: 'XAC_NHAN_THUE', attachmentIds: [tax] },
      ],
    });
    const before = await dossierTableCounts(ctx.database);
    // Too short, a wrong check digit (mod 11), letters.
    for (const taxCode of ['12345', '0312345678', 'abcdefghij']) {
      const res = await submitDossierAs(an, body(taxCode));
      expect(res.status).toBe(422);
      const error = (await res.json()) as ErrorBody;
      expect(error.code).toBe('FORM_INVALID');
      expect(error.details['fields']).toEqual([expect.objectContaining({ field: 'taxCode', code: 'invalid_tax_code' })]);
    }
    expect(await dossierTableCounts(ctx.database)).toEqual(before);
    expect((await submitDossierAs(an, body('0312345673'))).status).toBe(201);
  });

  it('a missing required component (marriage registration has no online form: the declaration must be uploaded)', async () => {
    const before = await dossierTableCounts(ctx.database);
    const res = await submitDossierAs(an, {
      procedureCode: '1.000894',
      procedureVersion: 1,
      receivingAgencyCode: '26572-TTPVHCC',
      formData: {},
      components: [],
    });
    expect(res.status).toBe(422);
    const error = (await res.json()) as ErrorBody;
    expect(error.code).toBe('COMPONENT_MISSING');
    expect(error.details['components']).toEqual([expect.objectContaining({ code: 'TO_KHAI_KET_HON' })]);
    expect(await dossierTableCounts(ctx.database)).toEqual(before);
  });

  it('a missing required file in the form (birth notice) is a form error naming the field', async () => {
    const body = birthRegistrationBody(await uploadPdf(an));
    const before = await dossierTableCounts(ctx.database);
    const res = await submitDossierAs(an, { ...body, components: [], formData: { ...(body['formData'] as object), birthCertificate: [] } });
    const error = (await res.json()) as ErrorBody;
    expect(res.status).toBe(422);
    expect(error.details['fields']).toEqual([expect.objectContaining({ field: 'birthCertificate', code: 'required' })]);
    expect(await dossierTableCounts(ctx.database)).toEqual(before);
  });

  it('a .exe renamed .pdf is refused at upload, so it can never be attached', async () => {
    const before = await dossierTableCounts(ctx.database);
    const res = await an.call('POST', '/api/v1/attachments', { body: fileForm(exeFile(), 'giay-chung-sinh.pdf', 'application/pdf') });
    expect(res.status).toBe(415);
    expect(((await res.json()) as ErrorBody).code).toBe('ATTACHMENT_TYPE_REJECTED');
    expect(await dossierTableCounts(ctx.database)).toEqual(before);
  });

  it('an attachment already used by another dossier', async () => {
    const certificate = await uploadPdf(an);
    expect((await submitDossierAs(an, birthRegistrationBody(certificate))).status).toBe(201);
    const before = await dossierTableCounts(ctx.database);
    const res = await submitDossierAs(an, birthRegistrationBody(certificate));
    expect(res.status).toBe(422);
    expect(((await res.json()) as ErrorBody).code).toBe('ATTACHMENT_NOT_FOUND');
    expect(await dossierTableCounts(ctx.database)).toEqual(before);
  });

  it('a form filled for a version that is no longer current (a new version was published)', async () => {
    // A submission first, so the app keeps version 1 in memory as current when version 2 is published.
    expect((await submitDossierAs(an, birthRegistrationBody(await uploadPdf(an), 1))).status).toBe(201);
    const certificate = await uploadPdf(an);
    await publishProcedureVersion(ctx.database.db, {
      provinceCode: '79',
      code: '1.001193',
      changeNote: 'Cập nhật căn cứ pháp lý',
      changes: { timeNote: 'Ngay trong ngày tiếp nhận.' },
    });
    const before = await dossierTableCounts(ctx.database);
    const res = await submitDossierAs(an, birthRegistrationBody(certificate, 1));
    expect(res.status).toBe(409);
    const error = (await res.json()) as ErrorBody;
    expect(error).toMatchObject({ code: 'PROCEDURE_VERSION_NOT_CURRENT', details: { requestedVersion: 1, currentVersion: 2 } });
    expect(await dossierTableCounts(ctx.database)).toEqual(before);
    // The same answers for the current version go through, and the dossier keeps the version it was filed under.
    const ok = await submitDossierAs(an, birthRegistrationBody(certificate, 2));
    expect(ok.status).toBe(201);
    expect(((await ok.json()) as { procedure: { version: number } }).procedure.version).toBe(2);
  });
});

describe(`who may submit (${testBackend()})`, () => {
  it('nobody: 401; an officer: 403; without CSRF: 403', async () => {
    const body = birthRegistrationBody(await uploadPdf(an));
    const before = await dossierTableCounts(ctx.database);
    const nobody = await submitDossierAs(await anonymousClient(ctx.baseUrl), body);
    expect(nobody.status).toBe(401);
    const officer = await submitDossierAs(await signInOfficer(ctx.baseUrl, 'tiepnhan.tamlong'), body);
    expect(officer.status).toBe(403);
    const noCsrf = await an.fetch('/api/v1/dossiers', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify(body),
    });
    expect(noCsrf.status).toBe(403);
    expect(await dossierTableCounts(ctx.database)).toEqual(before);
  });
});

describe(`drafts: resume on another device (${testBackend()})`, () => {
  it('saves partial answers with files, resumes them from another sign-in, and drops the draft on submission', async () => {
    const certificate = await uploadPdf(an);
    const partial = { child: { fullName: 'Nguyễn Minh Khôi' } };
    const put = await an.call('PUT', '/api/v1/drafts/1.001193', {
      json: {
        procedureVersion: 2,
        receivingAgencyCode: '26572-TTPVHCC',
        formData: partial,
        attachmentIds: { GIAY_CHUNG_SINH: [certificate] },
      },
    });
    expect(put.status).toBe(200);

    const phone = await signInSandboxCitizen(ctx.baseUrl, '079090001234');
    const got = await phone.get('/api/v1/drafts/1.001193');
    expect(got.status).toBe(200);
    expect(await got.json()).toMatchObject({
      procedureCode: '1.001193',
      procedureVersion: 2,
      receivingAgencyCode: '26572-TTPVHCC',
      formData: partial,
      attachments: { GIAY_CHUNG_SINH: [{ id: certificate, mediaType: 'application/pdf', pageCount: 1 }] },
    });
    expect((await binh.get('/api/v1/drafts/1.001193')).status).toBe(404);

    const submitted = await submitDossierAs(phone, {
      ...birthRegistrationBody(certificate, 2),
      formData: birthRegistrationAnswers(certificate),
    });
    expect(submitted.status).toBe(201);
    const gone = await an.get('/api/v1/drafts/1.001193');
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as ErrorBody).code).toBe('DRAFT_NOT_FOUND');
  });

  it.each([
    ['a version that does not exist', { procedureVersion: 42, formData: {} }, 404, 'PROCEDURE_VERSION_NOT_FOUND'],
    [
      'an agency that does not receive dossiers',
      { procedureVersion: 1, receivingAgencyCode: '79-STP', formData: {} },
      422,
      'AGENCY_NOT_RECEIVING',
    ],
    [
      'someone else’s attachment',
      { procedureVersion: 1, formData: {}, attachmentIds: { TO_KHAI_KET_HON: ['BINH'] } },
      422,
      'ATTACHMENT_NOT_FOUND',
    ],
    ['a form that is not an object', { procedureVersion: 1, formData: [1, 2] }, 400, 'VALIDATION_FAILED'],
  ])('refuses %s, storing nothing', async (_name, body, status, code) => {
    const binhs = await uploadPdf(binh);
    const json = JSON.parse(JSON.stringify(body).replace('BINH', binhs)) as unknown;
    const before = await dossierTableCounts(ctx.database);
    const res = await an.call('PUT', '/api/v1/drafts/1.000894', { json });
    expect({ status: res.status, code: ((await res.json()) as ErrorBody).code }).toEqual({ status, code });
    expect(await dossierTableCounts(ctx.database)).toEqual(before);
  });

  it('deletes a draft (204, also when there is none) and keeps drafts to citizens', async () => {
    expect((await an.call('PUT', '/api/v1/drafts/1.000894', { json: { procedureVersion: 1, formData: {} } })).status).toBe(200);
    expect((await an.call('DELETE', '/api/v1/drafts/1.000894')).status).toBe(204);
    expect((await an.call('DELETE', '/api/v1/drafts/1.000894')).status).toBe(204);
    expect((await an.get('/api/v1/drafts/1.000894')).status).toBe(404);
    const nobody = await anonymousClient(ctx.baseUrl);
    const officer = await signInOfficer(ctx.baseUrl, 'tiepnhan.tamlong');
    for (const [client, status] of [
      [nobody, 401],
      [officer, 403],
    ] as const) {
      expect((await client.get('/api/v1/drafts/1.000894')).status).toBe(status);
      expect((await client.call('PUT', '/api/v1/drafts/1.000894', { json: { procedureVersion: 1, formData: {} } })).status).toBe(status);
      expect((await client.call('DELETE', '/api/v1/drafts/1.000894')).status).toBe(status);
    }
  });
});
