import { z } from 'zod';
import { formatPeriod, parsePeriod } from './domain/index-766/period.ts';

/** Which province and period an import of the portal's evaluation files belongs to. */
export const portalEvaluationScopeSchema = z.object({
  provinceCode: z.string().regex(/^\d{2}$/, 'a two-digit province code'),
  /** "2026-03", "2026-Q1" or "2026", normalised. */
  period: z.string().transform((text, ctx) => {
    const period = parsePeriod(text);
    if (period) return formatPeriod(period);
    ctx.addIssue({ code: 'custom', message: 'a month (2026-03), a quarter (2026-Q1) or a year (2026)' });
    return z.NEVER;
  }),
});
export type PortalEvaluationScope = z.input<typeof portalEvaluationScopeSchema>;
