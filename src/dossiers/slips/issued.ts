import { officerSlipUrl } from '../perform-action.ts';
import type { BackOfficeSlip } from './render-slip.ts';

/** The slips a dossier's events have issued (latest of each form), with where an officer downloads them. */
export function issuedSlips(
  code: string,
  timeline: readonly { at: Date; action: string; details: unknown }[],
): { form: '01' | BackOfficeSlip; url: string; issuedAt: string }[] {
  const latest = new Map<'01' | BackOfficeSlip, Date>();
  for (const event of timeline) {
    // The receipt (01) is issued at online submission and again, with the appointment, at receipt.
    if (event.action === 'submit' || event.action === 'receive') latest.set('01', event.at);
    const slip = slipOfEvent(event);
    if (slip) latest.set(slip, event.at);
    // The processing control sheet (05) travels with the dossier from its receipt.
    if (event.action === 'receive' && !latest.has('05')) latest.set('05', event.at);
  }
  return [...latest]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([form, at]) => ({ form, url: officerSlipUrl(code, form), issuedAt: at.toISOString() }));
}

/** The back-office slip (02–04) an event issued, if any. */
export function slipOfEvent(event: { details: unknown }): BackOfficeSlip | null {
  const slip = (event.details as { slip?: unknown } | null)?.slip;
  return slip === '02' || slip === '03' || slip === '04' ? slip : null;
}
