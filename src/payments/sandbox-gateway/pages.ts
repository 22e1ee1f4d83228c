import { escapeHtml, renderSandboxPage } from '../../platform/http/sandbox-page.ts';
import { formatVnd } from '../../platform/pdf/document.ts';
import { sandboxPaymentGatewayPath } from '../../config.ts';
import type { GatewayParams } from '../gateway/protocol.ts';
import { sandboxBanks } from './ledger.ts';

const banner =
  'Cổng thanh toán thử nghiệm — SANDBOX, không trừ tiền thật <span lang="en">· Test payment gateway — a sandbox, no real money moves</span>';

const extraStyles = `
  .amount{font-size:1.6rem;font-weight:700;margin:.25rem 0 0}
  dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem .75rem;margin:1rem 0 0}
  dt{font-weight:600}
  dd{margin:0;overflow-wrap:anywhere}
  fieldset{border:1px solid #d1d5db;border-radius:.35rem;margin:1.25rem 0 0;padding:.5rem 1rem 1rem}
  legend{font-weight:700;padding:0 .25rem}
  .choice{display:flex;gap:.5rem;align-items:flex-start;font-weight:400;margin-top:.6rem}
  .choice input{width:auto;margin-top:.35rem}
  .pay{background:#166534;color:#fff;width:100%}
  .tester{background:#fffbeb;border:1px solid #b45309;border-radius:.35rem;padding:.75rem 1rem}
`;

/** The payment form's action: the same URL as the pay URL, by POST. */
export const payFormAction = `${sandboxPaymentGatewayPath}/pay`;

/** The hosted payment page: the order, a bank to choose, pay or cancel, and a tester's switch to drop the IPN. */
export function renderPaymentPage(input: { params: GatewayParams; merchantCode: string; amountVnd: number }): string {
  const p = input.params;
  const hidden = Object.entries(p)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('\n    ');
  const banks = sandboxBanks
    .map(
      (b, i) =>
        `<label class="choice"><input type="radio" name="bankCode" value="${b.code}"${i === 0 ? ' checked' : ''}> <span>${escapeHtml(b.name)}</span></label>`,
    )
    .join('\n      ');
  return renderSandboxPage({
    title: 'Thanh toán trực tuyến (sandbox) · Online payment',
    banner,
    extraStyles,
    body: `<div class="card">
  <h1>Thanh toán phí, lệ phí</h1>
  <p class="en" lang="en">Pay a fee (sandbox gateway)</p>
  <p class="amount" id="amount">${escapeHtml(formatVnd(input.amountVnd))}</p>
  <dl>
    <dt>Đơn vị nhận tiền <span class="en" lang="en">Merchant</span></dt><dd><code>${escapeHtml(input.merchantCode)}</code></dd>
    <dt>Mã giao dịch <span class="en" lang="en">Order</span></dt><dd><code>${escapeHtml(p['vnp_TxnRef'] ?? '')}</code></dd>
    <dt>Nội dung <span class="en" lang="en">Description</span></dt><dd>${escapeHtml(p['vnp_OrderInfo'] ?? '')}</dd>
  </dl>
  <form method="post" action="${payFormAction}">
    ${hidden}
    <fieldset>
      <legend>Chọn ngân hàng thử nghiệm <span class="en" lang="en">Choose a test bank</span></legend>
      ${banks}
    </fieldset>
    <button type="submit" name="decision" value="pay" class="pay">Thanh toán <span lang="en">· Pay</span></button>
    <button type="submit" name="decision" value="cancel" class="secondary">Hủy giao dịch <span lang="en">· Cancel</span></button>
    <details class="tester">
      <summary>Tuỳ chọn cho người kiểm thử <span class="en" lang="en">Tester options</span></summary>
      <label class="choice"><input type="checkbox" name="dropIpn" value="1"> <span>Mô phỏng mất thông báo IPN (để kiểm tra đối soát)
      <span class="en" lang="en">Simulate a lost IPN (to test reconciliation)</span></span></label>
      <button type="submit" name="decision" value="fail" class="secondary">Mô phỏng ngân hàng từ chối: không đủ số dư
      <span lang="en">· Simulate a refusal: insufficient funds</span></button>
    </details>
  </form>
</div>`,
  });
}

/** A refused pay request or a lost session: the reason, and the way back when there is one. */
export function renderGatewayError(message: { vi: string; en: string }, returnUrl?: string): string {
  const back = returnUrl
    ? `<p><a href="${escapeHtml(returnUrl)}">Quay lại trang của đơn vị <span lang="en">· Back to the merchant</span></a></p>`
    : '<p><a href="/">Về trang chủ Tỉnh số <span lang="en">· Back to the home page</span></a></p>';
  return renderSandboxPage({
    title: 'Lỗi thanh toán · Payment error — sandbox',
    banner,
    body: `<div class="card" role="alert">
  <h1>${escapeHtml(message.vi)}</h1>
  <p class="en" lang="en">${escapeHtml(message.en)}</p>
  ${back}
</div>`,
  });
}
