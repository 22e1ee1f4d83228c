import { counterColumn, procedureCounters, rollupCounters, type RollupCounter } from '../domain/rollup-counters.ts';

/**
 * The SQL that turns dossiers into rollup counters, shared by the incremental job and the full
 * rebuild so that both compute exactly the same thing. Everything is set-based: the rebuild runs it
 * over every dossier with hash aggregates, the job over the dossiers its new events touched.
 *
 * Days are local dates in Vietnam (UTC+7, no daylight saving time).
 */

/** The local (UTC+7) date of a timestamptz expression. */
export const localDay = (expr: string) => `((${expr} AT TIME ZONE 'UTC') + interval '7 hours')::date`;

/** Columns of indicator_dossier_facts in insertion order. */
export const dossierFactColumns = [
  'dossier_id',
  'province_code',
  'unit_code',
  'unit_id',
  'agency_code',
  'procedure_code',
  'received_on',
  'channel',
  'submitter_kind',
  'is_vneid_verified',
  'has_obligation',
  'is_paid_online',
  'components',
  'components_reused',
  'supplement_requests',
  'is_withdrawn',
  'ended_on',
  'is_on_time',
  'processing_minutes',
  'is_result',
  'is_electronic_result',
  'is_digitised',
  'has_complaint_or_dislike',
  'overdue_from',
  'overdue_until',
  'voted_on',
  'is_like',
] as const;

export const complaintFactColumns = [
  'complaint_id',
  'dossier_id',
  'province_code',
  'unit_id',
  'agency_code',
  'procedure_code',
  'received_on',
  'handled_on',
  'is_handled_on_time',
  'rated_on',
  'is_satisfied',
] as const;

/**
 * One dossier's contribution, computed from its row, its events, its components, its vote and its
 * complaints. `scope` restricts the dossiers: a relation with a `dossier_id` column, or null for all.
 *
 * The national on-time rule (DOMAIN.md §2): processing ended (done, returned, stopped or refused) no
 * later than the appointment — supplement time is already out of the appointment — and late whatever
 * the dates after a second supplement request or an apology slip (form 04), which the workflow marks
 * (is_marked_late) and the events show.
 */
export function dossierFactsSelect(scope: string | null): string {
  const only = (column: string) => (scope ? `WHERE ${column} IN (SELECT dossier_id FROM ${scope})` : '');
  const ended = 'd.processing_ended_at';
  const stoppedAt = `coalesce(${ended}, d.withdrawn_at)`;
  const isLate = `(d.is_marked_late OR d.supplement_request_count > 1 OR coalesce(e.apologised, false))`;
  // An electronic result (Decree 45/2020): a signed document issued for the dossier, returned online, or recorded as electronic.
  const isElectronic = `(${ended} IS NOT NULL AND d.status IN (9, 10)
    AND (coalesce(e.electronic_result, false) OR coalesce(d.return_method = 'online', false) OR doc.dossier_id IS NOT NULL))`;
  // Open and past its appointment at the end of a day: from the appointment's day until processing
  // ended (or the applicant withdrew), unless it ended that same day. A dossier waiting for a
  // supplement has no running clock (its appointment moves when the supplement comes in).
  const overdueFrom = `CASE WHEN d.appointment_at IS NOT NULL AND d.status <> 5
      AND (${stoppedAt} IS NULL OR ${localDay(stoppedAt)} > ${localDay('d.appointment_at')})
    THEN ${localDay('d.appointment_at')} END`;
  return `
SELECT
  d.id AS dossier_id,
  d.province_code,
  d.unit_code,
  coalesce(u.id, 0) AS unit_id,
  d.handling_agency_code AS agency_code,
  d.procedure_code,
  ${localDay('d.submitted_at')} AS received_on,
  d.channel,
  d.submitter_kind,
  d.is_vneid_verified,
  (d.fee_total_vnd > 0 OR coalesce(e.obligation_requested, false) OR coalesce(e.paid_online, false)) AS has_obligation,
  coalesce(e.paid_online, false) AS is_paid_online,
  coalesce(c.components, 0)::int AS components,
  coalesce(c.components_reused, 0)::int AS components_reused,
  d.supplement_request_count AS supplement_requests,
  d.status = 7 AS is_withdrawn,
  ${localDay(ended)} AS ended_on,
  CASE WHEN ${ended} IS NULL THEN NULL
       WHEN ${isLate} THEN false
       WHEN d.appointment_at IS NULL THEN true
       ELSE ${ended} <= d.appointment_at END AS is_on_time,
  CASE WHEN ${ended} IS NOT NULL AND d.received_at IS NOT NULL
       THEN greatest(0, floor(extract(epoch FROM ${ended} - d.received_at) / 60))::int END AS processing_minutes,
  (${ended} IS NOT NULL AND d.status IN (9, 10)) AS is_result,
  ${isElectronic} AS is_electronic_result,
  (${isElectronic} AND coalesce(c.components, 0) > 0) AS is_digitised,
  (${ended} IS NOT NULL AND (coalesce(k.has_complaint, false) OR coalesce(NOT v.is_like, false))) AS has_complaint_or_dislike,
  ${overdueFrom} AS overdue_from,
  CASE WHEN (${overdueFrom}) IS NOT NULL THEN ${localDay(stoppedAt)} END AS overdue_until,
  ${localDay('v.created_at')} AS voted_on,
  v.is_like
FROM dossiers d
LEFT JOIN (
  SELECT dossier_id,
    bool_or(action = 'pay') AS paid_online,
    bool_or(action = 'request_financial_obligation') AS obligation_requested,
    bool_or(action = 'apologise') AS apologised,
    bool_or((action = 'return_result' AND details->>'returnMethod' = 'online')
         OR (action = 'record_result' AND details->>'electronicResult' = 'true')) AS electronic_result
  FROM dossier_events ${only('dossier_id')}
  GROUP BY dossier_id
) e ON e.dossier_id = d.id
LEFT JOIN (
  SELECT dossier_id, count(*) AS components, count(*) FILTER (WHERE source = 'store') AS components_reused
  FROM dossier_components ${only('dossier_id')}
  GROUP BY dossier_id
) c ON c.dossier_id = d.id
LEFT JOIN (SELECT DISTINCT dossier_id, true AS has_complaint FROM complaints ${only('dossier_id')}) k ON k.dossier_id = d.id
LEFT JOIN (
  SELECT DISTINCT dossier_id FROM issued_documents WHERE revoked_at IS NULL ${scope ? `AND dossier_id IN (SELECT dossier_id FROM ${scope})` : 'AND dossier_id IS NOT NULL'}
) doc ON doc.dossier_id = d.id
LEFT JOIN satisfaction_votes v ON v.dossier_id = d.id
${unitOfDossier}
${only('d.id')}`;
}

/**
 * The unit a dossier was filed under, in its era: a code names a unit only together with a date
 * (DOMAIN.md §1), so the admin_units row valid on the day of submission.
 */
const unitOfDossier = `LEFT JOIN admin_units u ON u.code = d.unit_code
  AND u.level = CASE WHEN length(d.unit_code) = 2 THEN 'province' ELSE 'commune' END
  AND coalesce(u.valid_from, '-infinity'::date) <= ${localDay('d.submitted_at')}
  AND coalesce(u.valid_to, 'infinity'::date) >= ${localDay('d.submitted_at')}`;

/** One complaint's contribution (received, handled on time or not, rated). */
export function complaintFactsSelect(scope: string | null): string {
  return `
SELECT k.id AS complaint_id, k.dossier_id, k.province_code, coalesce(u.id, 0) AS unit_id, k.agency_code, d.procedure_code,
  ${localDay('k.received_at')} AS received_on,
  ${localDay('k.handled_at')} AS handled_on,
  k.is_handled_on_time,
  ${localDay('k.rated_at')} AS rated_on,
  k.is_satisfied
FROM complaints k JOIN dossiers d ON d.id = k.dossier_id
${unitOfDossier}
${scope ? `WHERE k.dossier_id IN (SELECT dossier_id FROM ${scope})` : ''}`;
}

type CounterValues = Partial<Record<RollupCounter, string>>;

const asInt = (condition: string) => `(${condition})::int`;

/** The days a dossier's facts land on, and what each adds there. */
const dossierRows: { day: string; values: CounterValues }[] = [
  {
    day: 'f.received_on',
    values: {
      received: '1',
      receivedOnline: asInt('f.channel = 2'),
      receivedCounter: asInt('f.channel = 1'),
      receivedPost: asInt('f.channel = 3'),
      byApplicant: asInt(`f.submitter_kind = 'applicant'`),
      byAssisted: asInt(`f.submitter_kind = 'assisted'`),
      byCounter: asInt(`f.submitter_kind = 'counter'`),
      byPost: asInt(`f.submitter_kind = 'post'`),
      vneidVerified: asInt('f.is_vneid_verified'),
      withObligation: asInt('f.has_obligation'),
      paidOnline: asInt('f.is_paid_online'),
      components: 'f.components',
      componentsReused: 'f.components_reused',
      withReuse: asInt('f.components_reused > 0'),
      withSupplement: asInt('f.supplement_requests > 0'),
      supplementRequests: 'f.supplement_requests',
      withdrawn: asInt('f.is_withdrawn'),
    },
  },
  {
    day: 'f.ended_on',
    values: {
      completed: '1',
      completedOnTime: asInt('coalesce(f.is_on_time, false)'),
      completedLate: asInt('NOT coalesce(f.is_on_time, true)'),
      completedTimed: asInt('f.processing_minutes IS NOT NULL'),
      processingMinutes: 'coalesce(f.processing_minutes, 0)',
      results: asInt('f.is_result'),
      electronicResults: asInt('f.is_electronic_result'),
      digitised: asInt('f.is_digitised'),
      withComplaintOrDislike: asInt('f.has_complaint_or_dislike'),
    },
  },
  { day: 'f.overdue_from', values: { overdueDelta: '1' } },
  { day: 'f.overdue_until', values: { overdueDelta: '-1' } },
  { day: 'f.voted_on', values: { votes: '1', votesLike: asInt('coalesce(f.is_like, false)') } },
];

const complaintRows: { day: string; values: CounterValues }[] = [
  { day: 'f.received_on', values: { complaints: '1' } },
  {
    day: 'f.handled_on',
    values: { complaintsHandled: '1', complaintsHandledOnTime: asInt('coalesce(f.is_handled_on_time, false)') },
  },
  { day: 'f.rated_on', values: { complaintsRated: '1', complaintsSatisfied: asInt('coalesce(f.is_satisfied, false)') } },
];

/**
 * Spreads fact rows over their days as counter vectors, multiplied by `sign` (1 to add, -1 to take
 * away): one pre-aggregated branch per kind of day, each computing only its own counters.
 */
function spread(source: string, rows: { day: string; values: CounterValues }[], sign: 1 | -1): string {
  return rows
    .map(({ day, values }) => {
      const cells = rollupCounters.map((c) => {
        const v = values[c];
        const column = counterColumn(c);
        if (v === undefined) return `0${c === 'processingMinutes' ? '::bigint' : ''} AS ${column}`;
        return `sum(${sign} * ${v})::${c === 'processingMinutes' ? 'bigint' : 'int'} AS ${column}`;
      });
      return `SELECT f.province_code, f.unit_id, f.agency_code, f.procedure_code, ${day} AS day, ${cells.join(', ')}
  FROM ${source} f WHERE ${day} IS NOT NULL
  GROUP BY f.province_code, f.unit_id, f.agency_code, f.procedure_code, ${day}`;
    })
    .join('\nUNION ALL\n');
}

/** Signed counter rows of dossier facts. */
export const spreadDossierFacts = (source: string, sign: 1 | -1) => spread(source, dossierRows, sign);
/** Signed counter rows of complaint facts. */
export const spreadComplaintFacts = (source: string, sign: 1 | -1) => spread(source, complaintRows, sign);

// Integer sums stay integers: a sum of bigints would be numeric, several times slower to add up.
const sums = (counters: readonly RollupCounter[]) =>
  counters.map((c) => `sum(${counterColumn(c)})::${c === 'processingMinutes' ? 'bigint' : 'int'} AS ${counterColumn(c)}`).join(', ');
const anyNonZero = (counters: readonly RollupCounter[]) => counters.map((c) => `sum(${counterColumn(c)}) <> 0`).join(' OR ');

/** Sums signed counter rows per daily key, leaving out keys where everything cancels. */
export function sumByDay(unionOfSpreads: string): string {
  return `SELECT province_code, unit_id, agency_code, procedure_code, day, ${sums(rollupCounters)}
FROM (${unionOfSpreads}) x
GROUP BY province_code, unit_id, agency_code, procedure_code, day
HAVING ${anyNonZero(rollupCounters)}`;
}

/** The month (its first day) of a date column. */
const monthOf = (column: string) => `date_trunc('month', ${column})::date`;

/** Monthly sums per unit and agency from daily rows. */
export function sumByMonth(dailyRows: string): string {
  return `SELECT province_code, unit_id, agency_code, ${monthOf('day')} AS month, ${sums(rollupCounters)}
FROM ${dailyRows} x
GROUP BY province_code, unit_id, agency_code, ${monthOf('day')}
HAVING ${anyNonZero(rollupCounters)}`;
}

/** Monthly sums per unit and procedure from daily rows. */
export function sumByProcedureMonth(dailyRows: string): string {
  return `SELECT province_code, unit_id, procedure_code, ${monthOf('day')} AS month, ${sums(procedureCounters)}
FROM ${dailyRows} x
GROUP BY province_code, unit_id, procedure_code, ${monthOf('day')}
HAVING ${anyNonZero(procedureCounters)}`;
}

/** Each row's quarter and year (granularity, first day), for the period rollups. */
const periodsOf = (column: string) =>
  `CROSS JOIN LATERAL (VALUES ('quarter', date_trunc('quarter', ${column})::date), ('year', date_trunc('year', ${column})::date)) AS g(granularity, period_start)`;

/**
 * Quarterly and yearly sums per unit and agency from daily rows, or from monthly rows (`dateColumn`
 * month): a quarter's sum of months is its sum of days, from fewer rows.
 */
export function sumByPeriod(rows: string, dateColumn: 'day' | 'month' = 'day'): string {
  return `SELECT province_code, g.granularity, g.period_start, unit_id, agency_code, ${sums(rollupCounters)}
FROM ${rows} x ${periodsOf(`x.${dateColumn}`)}
GROUP BY province_code, g.granularity, g.period_start, unit_id, agency_code
HAVING ${anyNonZero(rollupCounters)}`;
}

/** Quarterly and yearly sums per unit and procedure from daily rows, or from monthly rows (`dateColumn` month). */
export function sumByProcedurePeriod(rows: string, dateColumn: 'day' | 'month' = 'day'): string {
  return `SELECT province_code, g.granularity, g.period_start, unit_id, procedure_code, ${sums(procedureCounters)}
FROM ${rows} x ${periodsOf(`x.${dateColumn}`)}
GROUP BY province_code, g.granularity, g.period_start, unit_id, procedure_code
HAVING ${anyNonZero(procedureCounters)}`;
}

/** All-time overdue delta per unit and agency from daily (or monthly) rows. */
export function sumOverdue(rows: string): string {
  return `SELECT province_code, unit_id, agency_code, sum(overdue_delta) AS overdue_delta
FROM ${rows} x
GROUP BY province_code, unit_id, agency_code
HAVING sum(overdue_delta) <> 0`;
}

/** `INSERT … ON CONFLICT DO UPDATE` that adds counters to a rollup table. */
export function addInto(table: string, keys: readonly string[], counters: readonly RollupCounter[], rows: string): string {
  const columns = counters.map(counterColumn);
  const updates = columns.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ');
  return `INSERT INTO ${table} (${[...keys, ...columns].join(', ')})
${rows}
ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${updates}`;
}

/**
 * Plain `INSERT … SELECT` of counter rows into an empty rollup table, for the rebuild: the rows come
 * grouped by the table's key, so no two collide and the conflict check of `addInto` is only cost.
 * Written in `order` (the order the dashboard reads them in: by month, period or day), a period's rows
 * sit on few pages instead of one page each.
 */
export function insertInto(
  table: string,
  keys: readonly string[],
  counters: readonly RollupCounter[],
  rows: string,
  order: readonly string[],
): string {
  return `INSERT INTO ${table} (${[...keys, ...counters.map(counterColumn)].join(', ')})
${rows}
ORDER BY ${order.join(', ')}`;
}

export const dailyKeys = ['province_code', 'unit_id', 'agency_code', 'procedure_code', 'day'] as const;
export const monthlyKeys = ['province_code', 'unit_id', 'agency_code', 'month'] as const;
export const procedureMonthlyKeys = ['province_code', 'unit_id', 'procedure_code', 'month'] as const;
export const overdueKeys = ['province_code', 'unit_id', 'agency_code'] as const;
export const periodKeys = ['province_code', 'granularity', 'period_start', 'unit_id', 'agency_code'] as const;
export const procedurePeriodKeys = ['province_code', 'granularity', 'period_start', 'unit_id', 'procedure_code'] as const;
export const overdueCounters = ['overdueDelta'] as const;
