import { z } from 'zod';
import { financialObligationItem } from '../dossiers/submit.schema.ts';
import { paymentStatuses } from './domain/payment-rules.ts';

/** A dossier code in a path (format in docs/dossier-codes.md): letters, digits, dots and hyphens. */
export const dossierCodeParams = z.strictObject({
  code: z
    .string()
    .min(3)
    .max(40)
    .regex(/^[A-Za-z0-9.-]+$/),
});

export const paymentIdParams = z.strictObject({ id: z.uuid() });

export const startPaymentResponse = z.object({
  paymentId: z.string(),
  orderRef: z.string().describe('vnp_TxnRef sent to the gateway'),
  amountVnd: z.number().int(),
  expiresAt: z.string().describe('The gateway refuses the pay URL after this moment'),
  redirectUrl: z.string().describe('Send the browser here (the gateway’s hosted payment page)'),
});
export type StartPaymentResponse = z.infer<typeof startPaymentResponse>;

export const paymentSummary = z.object({
  id: z.string(),
  orderRef: z.string(),
  amountVnd: z.number().int(),
  status: z.enum(paymentStatuses),
  lines: z.array(z.object({ name: z.string(), quantity: z.number().int(), amountVnd: z.number().int() })),
  createdAt: z.string(),
  paidAt: z.string().nullable(),
  gatewayTransactionNo: z.string().nullable(),
  bankCode: z.string().nullable(),
  failureReason: z.string().nullable(),
  receiptUrl: z.string().nullable(),
});

export const dossierPaymentsResponse = z.object({
  dossierCode: z.string(),
  feeTotalVnd: z.number().int(),
  financialObligations: z.array(financialObligationItem).describe('Obligations determined during processing, owed besides the fees'),
  outstandingVnd: z.number().int().describe('Fees and obligations less what was paid'),
  items: z.array(paymentSummary),
});
export type DossierPaymentsResponse = z.infer<typeof dossierPaymentsResponse>;

/** The gateway's notification: any query parameters; the handler checks the signature itself and never answers 400. */
export const ipnQuery = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

export const ipnResponse = z.object({
  RspCode: z
    .enum(['00', '01', '02', '04', '97', '99'])
    .describe('00 confirmed, 01 order not found, 02 already confirmed, 04 invalid amount, 97 invalid signature'),
  Message: z.string(),
});
