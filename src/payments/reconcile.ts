import { and, asc, eq, lt } from 'drizzle-orm';
import type { Db } from '../platform/db/client.ts';
import { AppError } from '../platform/errors.ts';
import type { PaymentGateway } from './gateway/gateway.ts';
import { payments } from './schema.ts';
import { settleFromQuery, type QuerySettlement } from './settlement.ts';

export interface ReconciliationSummary {
  checked: number;
  settled: number;
  expired: number;
  stillPending: number;
  /** The gateway knew nothing of the order (yet) and it is not past its deadline. */
  notFound: number;
  /** The gateway's signed amount differed from the payment's: left pending for a person to look at. */
  invalidAmount: number;
  /** The gateway could not be asked; tried again next run. */
  errors: number;
}

/** Payments checked per run, oldest first; the next run takes the rest. */
const batchSize = 200;

/**
 * Đối soát — settles payments whose IPN never arrived: every payment still pending that was started
 * before `olderThan` is looked up at the gateway (querydr) and settled from its signed answer; one
 * the gateway never completed well past its deadline fails as expired. Safe to run at any time and
 * concurrently with IPNs (settling is idempotent).
 */
export async function reconcilePendingPayments(
  db: Db,
  gateway: PaymentGateway,
  olderThan: Date,
  now: () => Date = () => new Date(),
): Promise<ReconciliationSummary> {
  const pending = await db
    .select()
    .from(payments)
    .where(and(eq(payments.status, 'pending'), lt(payments.createdAt, olderThan)))
    .orderBy(asc(payments.createdAt))
    .limit(batchSize);
  const summary: ReconciliationSummary = { checked: 0, settled: 0, expired: 0, stillPending: 0, notFound: 0, invalidAmount: 0, errors: 0 };
  const tally: Record<QuerySettlement, keyof ReconciliationSummary> = {
    settled: 'settled',
    already_settled: 'settled',
    expired: 'expired',
    still_pending: 'stillPending',
    not_found: 'notFound',
    invalid_amount: 'invalidAmount',
  };
  for (const payment of pending) {
    summary.checked++;
    try {
      const outcome = await settleFromQuery({ db, gateway, now }, payment, { expireAbandoned: true });
      summary[tally[outcome]]++;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'PAYMENT_GATEWAY_UNAVAILABLE')) throw error;
      summary.errors++;
    }
  }
  return summary;
}
