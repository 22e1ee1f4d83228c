/**
 * Where to send the browser after sign-in: only a same-origin relative path ("/dossiers?x=1"), never
 * another origin ("//evil.example", "/\\evil.example", "https://…"), so the login cannot be an open redirect.
 */
export function safeReturnTo(value: string | undefined | null): string {
  if (!value || value.length > 2000) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // Control characters and backslashes can be read as a host separator by some browsers.
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  return value;
}
