import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDossier, type FixtureDossier } from '../support/indicator-fixtures.ts';
import {
  buildWebAppIfNeeded,
  collectPageProblems,
  expectAccessible,
  launchChromium,
  signInAtSandbox,
  signInOfficerInContext,
} from '../support/browser-kit.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

describe('citizen feedback and the officers’ complaint list in a browser', () => {
  let ctx: TestContext;
  let browser: Browser;
  let done: FixtureDossier;
  const problems: string[] = [];

  beforeAll(async () => {
    buildWebAppIfNeeded();
    ctx = await createTestContext({ listen: true });
    // A dossier of Nguyễn Văn An (CCCD 079090001234) that Phường Tam Long handled and returned on time.
    const at = (days: number) => new Date(Date.now() - days * 86_400_000);
    done = await insertDossier(ctx.database.db, {
      submitterKind: 'applicant',
      submittedAt: at(10),
      receivedAt: at(10),
      appointmentAt: at(3),
      endedAt: at(5),
      applicantIdNumber: '079090001234',
    });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  const url = (path: string) => `${ctx.baseUrl}${path}`;

  it('the applicant rates the dossier and files a complaint; an officer sees it against its deadline and answers it', async () => {
    const citizen = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    const page: Page = await citizen.newPage();
    collectPageProblems(page, problems);
    await page.goto(url(`/ho-so/${done.code}`));
    await page.getByRole('link', { name: 'Đăng nhập bằng VNeID (sandbox)' }).first().click();
    await signInAtSandbox(page);
    await page.waitForURL(url(`/ho-so/${done.code}`));
    // The dossier is the signed-in citizen's: link it to their account, as a submission from their session would.
    await ctx.database.db.execute(
      sql`UPDATE dossiers SET applicant_citizen_id = (SELECT id FROM citizens WHERE id_number = '079090001234' LIMIT 1) WHERE id = ${done.id}`,
    );
    await page.reload();

    const vote = page.getByTestId('dossier-vote');
    await vote.getByRole('heading', { name: 'Đánh giá mức độ hài lòng' }).waitFor();
    await vote.getByLabel('Không hài lòng').check();
    await vote.getByLabel('Bị yêu cầu nộp lại giấy tờ đã có').check();
    await expectAccessible(page, 'dossier page with the satisfaction vote');
    await vote.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect.poll(() => vote.getByTestId('vote-given').textContent()).toContain('Không hài lòng');
    const stored = await ctx.database.db.execute<{ is_like: boolean; reasons: string[] }>(
      sql`SELECT is_like, reasons FROM satisfaction_votes WHERE dossier_id = ${done.id}`,
    );
    expect(stored.rows[0]).toMatchObject({ is_like: false, reasons: ['asked_again'] });

    const complaint = page.getByTestId('dossier-complaint');
    await complaint.getByLabel('Kiến nghị').check();
    await complaint.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    await complaint.getByText('Nội dung cần ít nhất 10 ký tự.').waitFor();
    await complaint.getByLabel(/^Nội dung/).fill('Đề nghị không yêu cầu nộp lại giấy khai sinh đã có trong kho dữ liệu.');
    await complaint.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    await expect.poll(() => complaint.getByRole('status').textContent()).toMatch(/^Đã gửi .+\. Hạn xử lý: /);
    await complaint.getByText('Đã tiếp nhận').first().waitFor();
    await expectAccessible(page, 'dossier page after a complaint');

    // The handling specialist of Phường Tam Long: the complaint with its deadline, then the answer.
    const officer = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const desk = await officer.newPage();
    collectPageProblems(desk, problems);
    await signInOfficerInContext(officer, ctx.baseUrl, 'chuyenvien.tamlong');
    await desk.goto(url('/can-bo/ho-so'));
    await desk.getByRole('link', { name: 'Phản ánh, kiến nghị' }).click();
    await desk.waitForURL(url('/can-bo/phan-anh'));
    const table = desk.getByTestId('complaints');
    await table.waitFor();
    const row = table.locator('tbody tr', { hasText: done.code });
    expect(await row.locator('td').nth(3).textContent()).toBe('Đã tiếp nhận');
    expect(await row.locator('td').nth(4).textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    await expectAccessible(desk, 'officer complaint list');
    await row.getByRole('button').click();
    const panel = desk.getByTestId('complaint-panel');
    await panel.getByRole('button', { name: 'Tiếp nhận xử lý' }).click();
    await expect.poll(() => row.locator('td').nth(3).textContent()).toBe('Đang xử lý');
    await panel
      .getByLabel('Lý do hoặc nội dung trả lời')
      .fill('Đã chấn chỉnh: giấy tờ đã có trong kho được lấy từ kho, không yêu cầu nộp lại.');
    await panel.getByRole('button', { name: 'Trả lời' }).click();
    await expect.poll(() => row.locator('td').nth(3).textContent()).toBe('Đã trả lời');
    await expectAccessible(desk, 'officer complaint panel');

    // The applicant sees the answer on the dossier page.
    await page.reload();
    await page.getByTestId('dossier-complaint').getByText('Đã chấn chỉnh').waitFor();
    expect(problems).toEqual([]);
  });
});
