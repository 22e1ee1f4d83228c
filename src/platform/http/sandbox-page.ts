/**
 * The HTML frame of the platform's sandbox stand-ins (VNeID, payment gateway): a plain server-rendered
 * page without scripts, a banner that says it is a test environment, readable on a phone.
 */

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

/** A whole sandbox page: `banner` says what the sandbox stands in for; `extraStyles` adds page-specific CSS. */
export function renderSandboxPage(input: { title: string; banner: string; body: string; extraStyles?: string }): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(input.title)}</title>
<style>${styles}${input.extraStyles ?? ''}</style>
</head>
<body>
<div class="banner" role="note">${input.banner}</div>
<main>${input.body}</main>
</body>
</html>`;
}
