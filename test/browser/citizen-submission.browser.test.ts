import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dossiers } from '../../src/dossiers/schema.ts';
import type { FormDefinition } from '../../src/procedures/forms/definition.ts';
import { taxCodeCheckDigit } from '../../src/procedures/forms/identifiers.ts';
import { publishProcedureVersion } from '../../src/procedures/publish-version.ts';
import {
  buildWebAppIfNeeded,
  continueFormStep,
  formStep,
  expectAccessible,
  launchChromium,
  openPhonePage,
  signInAtSandbox,
} from '../support/browser-kit.ts';
import { extractPdfText } from '../support/pdf-text.ts';
import { decodedSubject, mimeParts, SmtpSink } from '../support/smtp-sink.ts';
import { testConfig } from '../support/config.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/** A one-page PDF, as a phone's scanner app would make it. */
async function birthNoticePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  page.drawText('GIAY CHUNG SINH - Benh vien Tu Du', { x: 60, y: 760, size: 16, font });
  return Buffer.from(await pdf.save());
}

/** A form with every kind of field the renderer draws, published as a new version of 1.000894 for one test. */
const everyFieldForm: FormDefinition = {
  version: 1,
  title: { vi: 'Tờ khai thử nghiệm', en: 'Test declaration' },
  fields: [
    {
      type: 'group',
      name: 'business',
      label: { vi: 'Hộ kinh doanh', en: 'Business' },
      required: true,
      fields: [
        { type: 'text', name: 'name', label: { vi: 'Tên hộ kinh doanh', en: 'Business name' }, required: true },
        { type: 'taxCode', name: 'taxCode', label: { vi: 'Mã số thuế', en: 'Tax code' }, required: true },
        { type: 'money', name: 'capital', label: { vi: 'Vốn kinh doanh (đồng)', en: 'Capital (VND)' }, required: true },
        {
          type: 'select',
          name: 'sector',
          label: { vi: 'Ngành nghề', en: 'Trade' },
          required: true,
          options: ['an-uong', 'ban-le', 'sua-chua', 'van-tai', 'khac'].map((value) => ({
            value,
            label: { vi: `Ngành ${value}`, en: `Trade ${value}` },
          })),
        },
        { type: 'number', name: 'employees', label: { vi: 'Số lao động', en: 'Employees' }, integer: true, min: 0 },
        { type: 'text', name: 'description', label: { vi: 'Mô tả', en: 'Description' }, multiline: true },
      ],
    },
    {
      type: 'group',
      name: 'members',
      label: { vi: 'Thành viên', en: 'Member' },
      repeatable: true,
      min: 1,
      max: 3,
      fields: [
        { type: 'text', name: 'fullName', label: { vi: 'Họ và tên thành viên', en: 'Member name' }, required: true },
        { type: 'cccd', name: 'personalId', label: { vi: 'Số định danh của thành viên', en: 'Member ID number' }, required: true },
      ],
    },
    { type: 'checkbox', name: 'hasBranch', label: { vi: 'Có địa điểm kinh doanh khác', en: 'Has another place of business' } },
    {
      type: 'address',
      name: 'branchAddress',
      label: { vi: 'Địa điểm kinh doanh khác', en: 'Other place of business' },
      required: true,
      visibleWhen: { field: 'hasBranch', checked: true },
    },
  ],
};

/** A 10-digit tax code with a correct check digit. */
function validTaxCode(): string {
  for (let n = 10000000; ; n++) {
    const digit = taxCodeCheckDigit(`0${n}`);
    if (digit !== null) return `0${n}${digit}`;
  }
}

describe('a citizen applies for a birth registration on a phone', () => {
  let ctx: TestContext;
  let smtp: SmtpSink;
  let objectsDir = '';
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let problems: string[] = [];

  beforeAll(async () => {
    buildWebAppIfNeeded();
    // The receipt e-mail goes through real SMTP to a server in this process.
    smtp = await new SmtpSink().start();
    objectsDir = await mkdtemp(path.join(tmpdir(), 'tinhso-web-objects-'));
    const defaults = testConfig({});
    ctx = await createTestContext({ listen: true, config: { objectStoreDir: objectsDir, mail: { ...defaults.mail, smtpUrl: smtp.url } } });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
    await smtp?.stop();
    if (objectsDir) await rm(objectsDir, { recursive: true, force: true });
  });

  afterEach(async () => {
    expect(problems, 'script errors or CSP violations in the page').toEqual([]);
    problems = [];
    for (const context of contexts.splice(0)) await context.close();
  });

  const url = (pathname: string) => `${ctx.baseUrl}${pathname}`;

  const openPhone = async (): Promise<Page> => {
    const { context, page } = await openPhonePage(browser, problems);
    contexts.push(context);
    return page;
  };

  /** From the home page to the sandbox sign-in and back to the first step of the form. */
  async function searchAndStart(page: Page): Promise<void> {
    await page.goto(url('/'));
    await page.getByLabel('Tìm thủ tục hành chính').fill('dang ky khai sinh');
    await expectAccessible(page, 'home with search');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.waitForURL(url('/thu-tuc?q=dang%20ky%20khai%20sinh'));
    await page.getByText(/Tìm thấy \d+ thủ tục cho “dang ky khai sinh”/).waitFor();
    const result = page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true });
    await expectAccessible(page, 'search results');
    await result.click();

    await page.waitForURL(url('/thu-tuc/1.001193'));
    await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
    await page.getByRole('heading', { name: 'Cần chuẩn bị những gì' }).waitFor();
    await page.getByText('1 ngày làm việc').first().waitFor();
    // Who pays no fee, and the law that says so.
    await page.getByText(/^Người thuộc gia đình có công với cách mạng; Người thuộc hộ nghèo; Người khuyết tật \(Luật Hộ tịch/).waitFor();
    await expectAccessible(page, 'procedure page');
    await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();

    await page.getByLabel(/^Số định danh cá nhân \(CCCD\)/).waitFor();
    await expectAccessible(page, 'sandbox VNeID sign-in');
    await signInAtSandbox(page);
    await page.waitForURL(url('/thu-tuc/1.001193/nop-ho-so'));
  }

  async function fillChild(page: Page): Promise<void> {
    await formStep(page, 'Người được khai sinh').waitFor();
    await page.getByLabel('Họ, chữ đệm và tên', { exact: true }).fill('Nguyễn Minh Khôi');
    await page.getByRole('radio', { name: 'Nam', exact: true }).check();
    await page.getByLabel('Ngày, tháng, năm sinh').fill('2026-11-02');
    await page.getByLabel('Nơi sinh').fill('Bệnh viện Từ Dũ');
    await page.getByLabel('Dân tộc').fill('Kinh');
    await page.getByLabel('Quê quán').fill('Thành phố Hồ Chí Minh');
  }

  it('searches without accents, signs in, fills the form, attaches a PDF, submits and follows the dossier', async () => {
    const page = await openPhone();
    await searchAndStart(page);

    // Step 1: who applies (from VNeID) and where the receipt goes.
    await formStep(page, 'Người nộp hồ sơ').waitFor();
    await page.getByText('Nguyễn Văn An').first().waitFor();
    await page.getByLabel('Thư điện tử nhận Giấy tiếp nhận').fill('nguyenvanan@example.vn');
    await continueFormStep(page);

    // Step 2: continuing with nothing filled names each missing field in a summary that takes focus.
    await formStep(page, 'Người được khai sinh').waitFor();
    await continueFormStep(page);
    const summary = page.getByRole('heading', { name: /^Có \d+ mục cần sửa$/ });
    await summary.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    await page.getByRole('link', { name: 'Họ, chữ đệm và tên: Vui lòng nhập thông tin này.' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-child-fullName');
    await expectAccessible(page, 'form: errors shown');
    await fillChild(page);
    await continueFormStep(page);

    // Step 3: ticking "foreign element" brings up the conditional field.
    await formStep(page, 'Thông tin người mẹ').waitFor();
    const foreignNationality = page.getByLabel('Quốc tịch nước ngoài của cha hoặc mẹ');
    expect(await foreignNationality.count()).toBe(0);
    await page.getByLabel('Có yếu tố nước ngoài?').check();
    await foreignNationality.fill('Hàn Quốc');
    await page.getByLabel('Họ, chữ đệm và tên người mẹ').fill('Trần Thị Lan');
    await page.getByLabel('Ngày, tháng, năm sinh').fill('1995-04-02');
    await page.getByLabel('Dân tộc').fill('Kinh');
    await page.getByLabel('Quốc tịch', { exact: true }).fill('Việt Nam');
    await page.getByLabel('Số định danh cá nhân').fill('079195001234');
    await page.getByLabel('Xã, phường, đặc khu').selectOption({ label: 'Phường Tam Long' });
    await page.getByLabel('Số nhà, đường phố, tổ, thôn, ấp').fill('15 Đường 3 Tháng 2');
    await continueFormStep(page);

    // Step 4: "father not established" hides the father's part.
    await formStep(page, 'Thông tin người cha').waitFor();
    await page.getByLabel('Chưa xác định được cha').check();
    expect(await page.getByLabel('Họ, chữ đệm và tên người cha').count()).toBe(0);
    await continueFormStep(page);

    await formStep(page, 'Người yêu cầu').waitFor();
    await page.getByLabel('Họ, chữ đệm và tên', { exact: true }).fill('Nguyễn Văn An');
    await page.getByLabel('Quan hệ với người được khai sinh').selectOption({ label: 'Người thân thích khác' });
    await page.getByLabel('Số định danh cá nhân').fill('079090001234');
    await page.getByLabel('Số điện thoại').fill('0901 234 567');
    await continueFormStep(page);

    await formStep(page, 'Thông tin khác').waitFor();
    await page.getByLabel('Số bản sao Giấy khai sinh đề nghị cấp').fill('2');
    await continueFormStep(page);

    // Attachments: the PDF uploads at once and is listed.
    await formStep(page, 'Giấy tờ đính kèm').waitFor();
    await page
      .getByLabel('Giấy chứng sinh')
      .setInputFiles({ name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: await birthNoticePdf() });
    await page.getByText('Đã tải lên giay-chung-sinh.pdf.').waitFor();
    await continueFormStep(page);

    // Nguyễn Văn An lives in Phường Tam Long: its service centre is suggested.
    await formStep(page, 'Nơi tiếp nhận hồ sơ').waitFor();
    const homeCentre = page.getByRole('radio', { name: 'Trung tâm Phục vụ hành chính công Phường Tam Long' });
    await expect.poll(() => homeCentre.isChecked()).toBe(true);
    await continueFormStep(page);

    await formStep(page, 'Kiểm tra và nộp hồ sơ').waitFor();
    await page.getByText('Hàn Quốc').waitFor();
    await page.getByText('giay-chung-sinh.pdf').waitFor();
    // Submitting without the declaration is stopped here, in words that name it.
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.getByRole('link', { name: /^Tôi cam đoan nội dung .*: Vui lòng nhập thông tin này\.$/ }).waitFor();
    await page.getByLabel('Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật.').check();
    await expectAccessible(page, 'form: review');

    // The first answer is lost on the way back (the server did create the dossier): the retry sends the
    // same Idempotency-Key and gets that dossier, not a second one.
    const keys: string[] = [];
    let isFirstAttempt = true;
    await page.route('**/api/v1/dossiers', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (!isFirstAttempt) return route.continue();
      isFirstAttempt = false;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.getByText('Không kết nối được máy chủ. Vui lòng thử lại.').waitFor();
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();

    // The receipt page: code, status, appointment, the slip to download, the timeline.
    await page.waitForURL(/\/ho-so\/[^/?]+\?moi=1$/);
    await page.getByRole('heading', { name: 'Đã nộp hồ sơ thành công' }).waitFor();
    const code = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await page.locator('.status-line').getByText('Mới đăng ký').waitFor();
    await expectAccessible(page, 'dossier receipt page');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(await ctx.database.db.select({ code: dossiers.code }).from(dossiers)).toEqual([{ code }]);
    await page.unroute('**/api/v1/dossiers');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải Giấy tiếp nhận (PDF)' }).click(),
    ]);
    const text = await extractPdfText(await readFile(await download.path()));
    expect(text).toContain(code);
    expect(text).toContain('Đăng ký khai sinh');

    // The same slip arrived by e-mail at the address given in step 1.
    const mail = await smtp.waitFor((m) => m.to.includes('nguyenvanan@example.vn') && decodedSubject(m.raw).includes(code));
    expect(decodedSubject(mail.raw)).toContain(code);
    const attached = mimeParts(mail.raw).find((part) => (part.headers['content-type'] ?? '').startsWith('application/pdf'));
    expect(attached, 'the receipt PDF attached to the e-mail').toBeDefined();
    expect(await extractPdfText(attached!.body)).toContain(code);

    // My dossiers lists it with its status.
    await page.getByRole('navigation').getByRole('link', { name: 'Hồ sơ của tôi' }).click();
    await page.waitForURL(url('/ho-so-cua-toi'));
    const item = page.locator('.result').filter({ hasText: code });
    await item.getByText('Mới đăng ký').waitFor();
    await expectAccessible(page, 'my dossiers');

    // The receipt's QR link: the public lookup with the code filled in.
    await page.goto(url(`/tra-cuu?ma=${encodeURIComponent(code)}`));
    expect(await page.getByLabel('Mã hồ sơ').inputValue()).toBe(code);
    await page.getByLabel('Số định danh cá nhân (CCCD) của người nộp').fill('079090001234');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
    await page.locator('.status-line').getByText('Mới đăng ký').waitFor();
    await expectAccessible(page, 'public lookup');

    // Withdrawing asks for confirmation and a reason first.
    await page.goto(url(`/ho-so/${encodeURIComponent(code)}`));
    await page.getByRole('button', { name: 'Rút hồ sơ…' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Xác nhận rút hồ sơ');
    await page.getByRole('button', { name: 'Xác nhận rút hồ sơ' }).click();
    await page.getByText('Vui lòng cho biết lý do rút hồ sơ.').waitFor();
    await expectAccessible(page, 'withdrawal confirmation');
    await page.getByLabel('Lý do rút hồ sơ').fill('Đã nộp nhầm thủ tục');
    await page.getByRole('button', { name: 'Xác nhận rút hồ sơ' }).click();
    await page.locator('.status-line').getByText('Công dân yêu cầu rút hồ sơ').waitFor();
    expect(await page.getByRole('button', { name: 'Rút hồ sơ…' }).count()).toBe(0);
    await page.getByRole('heading', { name: 'Quá trình xử lý' }).waitFor();
    await expectAccessible(page, 'withdrawn dossier');
  });

  it('resumes on a second device the draft saved on the first', async () => {
    const first = await openPhone();
    await searchAndStart(first);
    await formStep(first, 'Người nộp hồ sơ').waitFor();
    await continueFormStep(first);
    await fillChild(first);
    await first.getByText(/^Đã lưu bản nháp lúc/).waitFor();

    const second = await openPhone();
    await second.goto(url('/thu-tuc/1.001193'));
    await second.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
    await signInAtSandbox(second);
    await second.waitForURL(url('/thu-tuc/1.001193/nop-ho-so?buoc=3'));
    await second.getByText(/^Đã mở lại bản nháp lưu lúc/).waitFor();
    await formStep(second, 'Thông tin người mẹ').waitFor();
    await expectAccessible(second, 'form: resumed draft');
    await second.getByRole('link', { name: 'Quay lại' }).click();
    await formStep(second, 'Người được khai sinh').waitFor();
    expect(await second.getByLabel('Họ, chữ đệm và tên', { exact: true }).inputValue()).toBe('Nguyễn Minh Khôi');
    expect(await second.getByLabel('Ngày, tháng, năm sinh').inputValue()).toBe('2026-11-02');

    // The session ends mid-form: the next save says so and offers to sign in again, back to this step.
    await second.context().clearCookies({ name: 'tinhso_session' });
    await second.getByLabel('Nơi sinh').fill('Bệnh viện Hùng Vương');
    await second.getByText(/^Phiên đăng nhập đã kết thúc/).waitFor();
    await expectAccessible(second, 'form: session ended');
    await second.getByRole('link', { name: 'Đăng nhập lại bằng VNeID' }).click();
    // The identity provider may still know the browser and send it straight back without asking.
    const back = url('/thu-tuc/1.001193/nop-ho-so?buoc=2');
    const idNumber = second.getByLabel(/^Số định danh cá nhân \(CCCD\)/);
    await Promise.race([second.waitForURL(back), idNumber.waitFor()].map((waiting) => waiting.catch(() => undefined)));
    if (second.url() !== back) await signInAtSandbox(second);
    await second.waitForURL(back);
    await second.getByText(/^Đã mở lại bản nháp lưu lúc/).waitFor();
    expect(await second.getByLabel('Nơi sinh').inputValue()).toBe('Bệnh viện Từ Dũ');
  });

  it('draws every kind of field from the definition and checks it with the same rules as the server', async () => {
    await publishProcedureVersion(ctx.database.db, {
      provinceCode: '79',
      code: '1.000894',
      changes: { formDefinition: everyFieldForm },
      changeNote: 'Browser test: a form with every field type',
    });
    const page = await openPhone();
    await page.goto(url('/thu-tuc/1.000894/nop-ho-so'));
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập để nộp hồ sơ' }).waitFor();
    await expectAccessible(page, 'form: sign in first');
    await page.getByRole('link', { name: 'Đăng nhập bằng VNeID (sandbox)' }).click();
    await signInAtSandbox(page);
    await page.waitForURL(url('/thu-tuc/1.000894/nop-ho-so'));
    await formStep(page, 'Người nộp hồ sơ').waitFor();
    await continueFormStep(page);

    // A wrong tax code and a fractional head count are refused before anything is sent.
    await formStep(page, 'Hộ kinh doanh').waitFor();
    expect(await page.getByText('Bước 2/7').count()).toBe(1);
    await page.getByLabel('Tên hộ kinh doanh').fill('Quán cơm Tâm');
    await page.getByLabel('Mã số thuế').fill('0123456788');
    await page.getByLabel('Vốn kinh doanh (đồng)').fill('50000000');
    await page.getByLabel('Ngành nghề').selectOption({ label: 'Ngành an-uong' });
    await page.getByLabel('Số lao động').fill('3,5');
    await page.getByLabel('Mô tả').fill('Bán cơm trưa\nvà nước giải khát');
    await continueFormStep(page);
    await page.getByRole('link', { name: /^Mã số thuế: Mã số thuế không hợp lệ/ }).waitFor();
    await page.getByRole('link', { name: 'Số lao động: Giá trị phải là số nguyên.' }).waitFor();
    await expectAccessible(page, 'every field: errors');
    await page.getByLabel('Mã số thuế').fill(validTaxCode());
    await page.getByLabel('Số lao động').fill('3');

    // The same page in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Step 2 of 7 Business' }).waitFor();
    await page.getByLabel('Tax code').waitFor();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await continueFormStep(page);

    // A repeatable group starts with its minimum, adds and removes entries.
    await formStep(page, 'Thành viên').waitFor();
    await page.getByRole('group', { name: 'Thành viên 1' }).getByLabel('Họ và tên thành viên').fill('Lê Văn Tâm');
    await page.getByRole('group', { name: 'Thành viên 1' }).getByLabel('Số định danh của thành viên').fill('079090001234');
    expect(await page.getByRole('button', { name: 'Xoá Thành viên 1' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Thêm Thành viên' }).click();
    const second = page.getByRole('group', { name: 'Thành viên 2' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-members-1-fullName');
    await second.getByLabel('Họ và tên thành viên').fill('Phạm Thị Dung');
    await second.getByLabel('Số định danh của thành viên').fill('123');
    await continueFormStep(page);
    await page.getByRole('link', { name: /^Số định danh của thành viên: Số định danh cá nhân \(CCCD\) phải gồm 12 chữ số/ }).waitFor();
    await expectAccessible(page, 'every field: repeatable group');
    await page.getByRole('button', { name: 'Xoá Thành viên 2' }).click();
    expect(await page.getByRole('group', { name: 'Thành viên 2' }).count()).toBe(0);
    await continueFormStep(page);

    // The address appears with its checkbox and asks for a commune.
    await formStep(page, 'Thông tin khác').waitFor();
    expect(await page.getByRole('group', { name: 'Địa điểm kinh doanh khác' }).count()).toBe(0);
    await page.getByLabel('Có địa điểm kinh doanh khác').check();
    await continueFormStep(page);
    await page.getByRole('link', { name: 'Xã, phường, đặc khu: Vui lòng chọn xã, phường, đặc khu.' }).waitFor();
    await page.getByLabel('Tỉnh, thành phố').selectOption({ label: 'Thành phố Hà Nội' });
    await page.getByLabel('Xã, phường, đặc khu').selectOption({ label: 'Phường Ba Đình' });
    await page.getByLabel('Số nhà, đường phố, tổ, thôn, ấp').fill('1 Hoàng Diệu');
    await continueFormStep(page);

    await formStep(page, 'Giấy tờ đính kèm').waitFor();
    await continueFormStep(page);
    await formStep(page, 'Nơi tiếp nhận hồ sơ').waitFor();
    await continueFormStep(page);
    await formStep(page, 'Kiểm tra và nộp hồ sơ').waitFor();
    await page.getByText('50.000.000 đồng').waitFor();
    await page.getByText('Ngành an-uong').waitFor();
    await page.getByText('1 Hoàng Diệu, Phường Ba Đình').waitFor();
    await page.getByText('Thành viên 1', { exact: true }).waitFor();
    expect(await page.getByText('Phạm Thị Dung').count()).toBe(0);
    await expectAccessible(page, 'every field: review');
  });

  it("keeps a draft's answers when the procedure gets a new version before it is submitted", async () => {
    const page = await openPhone();
    await page.goto(url('/thu-tuc/1.001193'));
    await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
    await signInAtSandbox(page);
    await page.waitForURL(/\/thu-tuc\/1\.001193\/nop-ho-so/);
    await page.goto(url('/thu-tuc/1.001193/nop-ho-so?buoc=2'));
    await formStep(page, 'Người được khai sinh').waitFor();
    await page.getByLabel('Họ, chữ đệm và tên', { exact: true }).fill('Trần Gia Huy');
    await page.getByText(/^Đã lưu bản nháp lúc/).waitFor();

    // The city's administrator publishes a new version (a note on the time) while the draft waits.
    await publishProcedureVersion(ctx.database.db, {
      provinceCode: '79',
      code: '1.001193',
      changes: { timeNote: 'Trả kết quả trong ngày nếu nộp trước 15 giờ' },
      changeNote: 'Browser test: a new version while a draft is open',
    });
    await page.goto(url('/thu-tuc/1.001193/nop-ho-so?buoc=2'));
    await page
      .getByText('Thủ tục vừa được cập nhật. Những thông tin bạn đã khai vẫn được giữ; hãy xem lại từng bước trước khi nộp.')
      .waitFor();
    await formStep(page, 'Người được khai sinh').waitFor();
    expect(await page.getByLabel('Họ, chữ đệm và tên', { exact: true }).inputValue()).toBe('Trần Gia Huy');
    await expectAccessible(page, 'form: draft carried over to a new version');
    // From now on the draft is kept under the new version: the next visit simply resumes it.
    await page.getByText(/^Đã lưu bản nháp lúc/).waitFor();
    await page.goto(url('/thu-tuc/1.001193/nop-ho-so?buoc=2'));
    await page.getByText(/^Đã mở lại bản nháp lưu lúc/).waitFor();
    expect(await page.getByLabel('Họ, chữ đệm và tên', { exact: true }).inputValue()).toBe('Trần Gia Huy');
  });
});
