import { z } from 'zod';
import { officerRoles } from '../identity/schema.ts';
import { procedureCode, timeUnit } from '../procedures/domain/procedure.ts';
import { stepKinds } from './domain/workflow-definition.ts';
import { dossierActions, returnMethods } from './domain/workflow.ts';
import { counterPaymentMethods } from '../payments/domain/payment-rules.ts';

const status = z.number().int().min(1).max(10).describe('National status code 1–10 (DOMAIN.md §2)');
const isoDate = z.iso.date().describe('YYYY-MM-DD, Vietnam time');
const instant = z.string().describe('ISO 8601 instant');
const bilingual = z.object({ vi: z.string(), en: z.string() });

export const dossierParams = z.strictObject({ code: z.string().min(3).max(40) });

export const slipForms = ['01', '02', '03', '04', '05'] as const;
export const slipParams = dossierParams.extend({ form: z.enum(slipForms).describe('Circular 01/2018/TT-VPCP form number') });

/** One component the applicant must supplement (form 02). */
export const supplementItem = z.strictObject({
  code: z.string().max(40).optional().describe('The procedure component code, when it is one of them'),
  name: z.string().max(300),
  note: z.string().max(1000).optional(),
});

export const dossierActionBody = z.strictObject({
  action: z.enum(dossierActions),
  expectedVersion: z.number().int().min(1).describe('The dossier version the officer saw; a stale one gets 409 DOSSIER_CHANGED'),
  reason: z.string().max(2000).optional().describe('Required to refuse, send back, reject, stop, request a payment and apologise'),
  components: z.array(supplementItem).max(50).optional().describe('Required to request a supplement'),
  newAppointmentAt: z.iso.datetime({ offset: true }).optional().describe('The apology’s new appointment; must be in the future'),
  returnMethod: z.enum(returnMethods).optional(),
  toAgencyCode: z.string().max(40).optional().describe('Forward to another agency (inter-agency consultation)'),
  toStep: z.string().max(40).optional().describe('Forward or send back to this step instead of the next/previous one'),
  amountVnd: z
    .number()
    .optional()
    .describe(
      'Required to request a financial obligation: whole đồng, above 0; the reason describes it. Else 400 OBLIGATION_AMOUNT_INVALID',
    ),
  paymentMethod: z
    .enum(counterPaymentMethods)
    .optional()
    .describe(
      'confirm_financial_obligation: how what is still owed was paid at the counter (cash, the default, or pos); recorded as a paid counter payment with an e-receipt',
    ),
});
export type DossierActionBody = z.infer<typeof dossierActionBody>;

export const actionOutcome = z.object({
  code: z.string(),
  status,
  currentStep: z.string(),
  version: z.number().int(),
  appointmentAt: instant.nullable(),
  eventId: z.number().int(),
  slips: z.array(z.object({ form: z.string(), url: z.string() })).describe('Slips this action issued, as PDFs'),
});

const agency = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });

export const dossierView = z.object({
  code: z.string(),
  version: z.number().int(),
  status,
  statusName: bilingual,
  currentStep: z.string(),
  channel: z.number().int(),
  submitterKind: z.string(),
  procedure: z.object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    statutoryTime: z.object({ amount: z.number(), unit: timeUnit }),
    resultName: z.string(),
    components: z.array(z.object({ code: z.string(), name: z.string(), isRequired: z.boolean() })),
  }),
  receivingAgency: agency,
  handlingAgency: agency,
  applicant: z.object({
    kind: z.string(),
    name: z.string(),
    idNumber: z.string(),
    taxCode: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    isVneidVerified: z.boolean(),
  }),
  formData: z.record(z.string(), z.unknown()),
  components: z.array(
    z.object({
      componentCode: z.string(),
      name: z.string(),
      source: z.string(),
      isSupplement: z.boolean(),
      file: z.object({ fileName: z.string(), mediaType: z.string(), sizeBytes: z.number().int() }).nullable(),
    }),
  ),
  submittedAt: instant,
  receivedAt: instant.nullable(),
  appointmentAt: instant.nullable(),
  pausedAt: instant.nullable(),
  processingEndedAt: instant.nullable(),
  returnedAt: instant.nullable(),
  supplementRequestCount: z.number().int(),
  isMarkedLate: z.boolean(),
  decision: z.enum(['approved', 'rejected']).nullable(),
  returnMethod: z.enum(returnMethods).nullable(),
  deadline: z.object({
    remainingWorkingMinutes: z.number().int().nullable().describe('Negative when overdue; null when no clock runs'),
    minutesPerWorkingDay: z.number().int(),
    isOverdue: z.boolean(),
    isDueSoon: z.boolean(),
    isOnTime: z.boolean().nullable(),
  }),
  steps: z.array(
    z.object({
      code: z.string(),
      kind: z.enum(stepKinds),
      name: z.string(),
      nameEn: z.string(),
      roles: z.array(z.enum(officerRoles)),
      share: z.number(),
      dueAt: instant.nullable(),
      isCurrent: z.boolean(),
    }),
  ),
  timeline: z.array(
    z.object({
      id: z.number().int(),
      at: instant,
      action: z.string(),
      fromStatus: z.number().int().nullable(),
      toStatus: z.number().int(),
      fromStep: z.string().nullable(),
      toStep: z.string().nullable(),
      actorKind: z.string(),
      actorName: z.string().nullable(),
      agencyCode: z.string().nullable(),
      reason: z.string().nullable(),
      details: z.unknown(),
    }),
  ),
  availableActions: z.array(z.enum(dossierActions)),
  slips: z.array(z.object({ form: z.string(), url: z.string(), issuedAt: instant })),
  payment: z
    .object({
      feeTotalVnd: z.number().int().describe('Fees fixed at submission, đồng'),
      obligations: z
        .array(
          z.object({
            description: z.string().describe('What it is for, as the officer wrote it'),
            amountVnd: z.number().int(),
            requestedAt: instant,
            isPaid: z.boolean().describe('Wholly covered by what was paid (fees first, then obligations in order)'),
          }),
        )
        .describe('Nghĩa vụ tài chính determined during processing'),
      paidVnd: z.number().int().describe('Sum of the paid payments (online and at the counter)'),
      outstandingVnd: z.number().int(),
    })
    .describe('What the dossier owes and what was paid'),
});
export type DossierView = z.infer<typeof dossierView>;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const inboxQuery = z.strictObject({
  status: z.coerce.number().int().min(1).max(10).optional(),
  procedure: procedureCode.optional(),
  step: z.string().max(40).optional(),
  channel: z.coerce.number().int().min(1).max(3).optional().describe('1 counter, 2 online, 3 post'),
  receivedFrom: isoDate.optional(),
  receivedTo: isoDate.optional(),
  overdue: flag.optional().describe('Only running dossiers past their appointment'),
  dueSoon: flag.optional().describe('Only running dossiers due within 1 working day'),
  q: z.string().trim().min(1).max(100).optional().describe('Dossier code, applicant name (accents optional) or CCCD'),
  include: z
    .enum(['open', 'all'])
    .default('open')
    .describe(
      'Without a status filter: `open` lists open work only (not refused, withdrawn, stopped or returned); `all` closed dossiers too',
    ),
  sort: z.enum(['deadline', 'submitted', 'updated']).default('deadline'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type InboxQuery = z.infer<typeof inboxQuery>;

/**
 * Inbox queues; each count equals the list's total with the matching filter (none = `open`, status=…,
 * dueSoon, overdue). Every queue holds open dossiers only: closed ones are listed on demand (`include=all`
 * or a closed status) and counted then, never on every page.
 */
export const inboxQueues = [
  'open',
  'new',
  'received',
  'processing',
  'awaiting_supplement',
  'awaiting_payment',
  'awaiting_return',
  'due_soon',
  'overdue',
] as const;
export type InboxQueue = (typeof inboxQueues)[number];

export const inboxItem = z.object({
  code: z.string(),
  version: z.number().int(),
  procedureCode: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  applicantIdNumberMasked: z.string(),
  status,
  currentStep: z.string(),
  channel: z.number().int(),
  receivingAgencyCode: z.string(),
  handlingAgencyCode: z.string(),
  submittedAt: instant,
  receivedAt: instant.nullable(),
  appointmentAt: instant.nullable(),
  isOverdue: z.boolean(),
  isDueSoon: z.boolean(),
  remainingWorkingMinutes: z.number().int().nullable(),
});
export type InboxItem = z.infer<typeof inboxItem>;

export const inboxResponse = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: z.record(z.enum(inboxQueues), z.number().int()),
  minutesPerWorkingDay: z.number().int().describe('Of the province’s calendar, to show remaining time in days'),
  items: z.array(inboxItem),
});
export type InboxResponse = z.infer<typeof inboxResponse>;
