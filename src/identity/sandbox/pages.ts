import { sandboxCitizens, sandboxPassword } from './accounts.ts';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const styles = `
  *{box-sizing:border-box}
  body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;background:#f3f4f6;color:#111827;line-height:1.5}
  .banner{background:#b45309;color:#fff;padding:.75rem 1rem;text-align:center;font-weight:700}
  main{max-width:32rem;margin:1.5rem auto;padding:0 1rem}
  .card{background:#fff;border-radius:.5rem;padding:1.5rem;box-shadow:0 1px 3px rgba(0,0,0,.15)}
  h1{font-size:1.4rem;margin:0 0 .25rem}
  .en{color:#4b5563;font-size:.9em}
  label{display:block;font-weight:600;margin-top:1rem}
  input{width:100%;font-size:1.05rem;padding:.6rem;border:1px solid #6b7280;border-radius:.35rem;margin-top:.25rem}
  input:focus,button:focus{outline:3px solid #2563eb;outline-offset:2px}
  button{font-size:1.05rem;padding:.7rem 1.2rem;border-radius:.35rem;border:0;cursor:pointer;margin-top:1.25rem}
  .primary{background:#b91c1c;color:#fff;width:100%}
  .secondary{background:#e5e7eb;color:#111827;width:100%}
  .error{background:#fee2e2;border:1px solid #b91c1c;color:#7f1d1d;padding:.75rem;border-radius:.35rem;margin-top:1rem}
  table{width:100%;border-collapse:collapse;font-size:.9rem;margin-top:.5rem}
  th,td{text-align:left;padding:.35rem;border-bottom:1px solid #e5e7eb}
  code{font-size:1em}
  details{margin-top:1.5rem}
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${styles}</style>
</head>
<body>
<div class="banner" role="note">MÔI TRƯỜNG THỬ NGHIỆM — SANDBOX, không phải VNeID thật <span lang="en">· Test environment — a sandbox, not the real VNeID</span></div>
<main>${body}</main>
</body>
</html>`;
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
