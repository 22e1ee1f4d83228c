import { escapeHtml, renderSandboxPage } from '../../platform/http/sandbox-page.ts';
import { sandboxCitizens, sandboxPassword } from './accounts.ts';

function layout(title: string, body: string): string {
  return renderSandboxPage({
    title,
    banner:
      'MÔI TRƯỜNG THỬ NGHIỆM — SANDBOX, không phải VNeID thật <span lang="en">· Test environment — a sandbox, not the real VNeID</span>',
    body,
  });
}

/** The sandbox sign-in page: CCCD + password, the demo citizens listed beside. */
export function renderSignInPage(input: { uid: string; clientName: string; idNumber?: string; error?: string | null }): string {
  const action = `/sandbox/vneid/interaction/${encodeURIComponent(input.uid)}`;
  const rows = sandboxCitizens
    .map((c) => `<tr><td><code>${c.idNumber}</code></td><td>${escapeHtml(c.name)}</td><td>${c.identityLevel}</td></tr>`)
    .join('');
  const error = input.error ? `<div class="error" role="alert" id="form-error">${escapeHtml(input.error)}</div>` : '';
  return layout(
    'Đăng nhập VNeID (sandbox) · Sign in',
    `<div class="card">
  <h1>Đăng nhập tài khoản định danh điện tử (sandbox)</h1>
  <p class="en" lang="en">Sign in with your electronic identity (sandbox)</p>
  <p>Ứng dụng <strong>${escapeHtml(input.clientName)}</strong> yêu cầu xác thực danh tính của bạn.
  <span class="en" lang="en">The application ${escapeHtml(input.clientName)} asks to verify your identity.</span></p>
  ${error}
  <form method="post" action="${action}/login" novalidate>
    <label for="idNumber">Số định danh cá nhân (CCCD) <span class="en" lang="en">Personal ID number</span></label>
    <input id="idNumber" name="idNumber" type="text" inputmode="numeric" autocomplete="username" pattern="[0-9]{12}" maxlength="12" required
      value="${escapeHtml(input.idNumber ?? '')}"${input.error ? ' aria-invalid="true" aria-describedby="form-error"' : ''}>
    <label for="password">Mật khẩu <span class="en" lang="en">Password</span></label>
    <input id="password" name="password" type="password" autocomplete="current-password" required${input.error ? ' aria-invalid="true" aria-describedby="form-error"' : ''}>
    <button type="submit" class="primary">Đăng nhập <span lang="en">· Sign in</span></button>
  </form>
  <form method="post" action="${action}/abort">
    <button type="submit" class="secondary">Huỷ <span lang="en">· Cancel</span></button>
  </form>
  <details open>
    <summary>Tài khoản thử nghiệm <span class="en" lang="en">Demo accounts</span></summary>
    <p>Mật khẩu của mọi tài khoản / password of every account: <code>${sandboxPassword}</code></p>
    <table>
      <caption class="en">Công dân thử nghiệm (hư cấu) · Fictitious demo citizens</caption>
      <thead><tr><th scope="col">CCCD</th><th scope="col">Họ và tên · Name</th><th scope="col">Mức định danh · Level</th></tr></thead>
      <tbody>${rows}</tbody>
    </table>
  </details>
</div>`,
  );
}

/** A plain error page of the sandbox (expired interaction, bad request…). */
export function renderSandboxError(message: { vi: string; en: string }, detail?: string): string {
  return layout(
    'Lỗi · Error — VNeID sandbox',
    `<div class="card" role="alert">
  <h1>${escapeHtml(message.vi)}</h1>
  <p class="en" lang="en">${escapeHtml(message.en)}</p>
  ${detail ? `<p><code>${escapeHtml(detail)}</code></p>` : ''}
  <p><a href="/">Về trang chủ Tỉnh số · Back to the home page</a></p>
</div>`,
  );
}
