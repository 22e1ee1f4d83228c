/** The constraint an error from the database broke, when its SQLSTATE is `sqlstate`; same on PGlite and pg. */
function violated(error: unknown, sqlstate: string): string | null {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (code === sqlstate) return typeof constraint === 'string' ? constraint : '';
  }
  return null;
}

/** The unique constraint a unique violation (SQLSTATE 23505) broke, or null for any other error. */
export function uniqueViolation(error: unknown): string | null {
  return violated(error, '23505');
}

/** The check constraint a check violation (SQLSTATE 23514) broke, or null for any other error. */
export function violatedCheck(error: unknown): string | null {
  return violated(error, '23514');
}
