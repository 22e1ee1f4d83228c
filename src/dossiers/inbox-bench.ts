import { sql } from 'drizzle-orm';
import type { OfficerPrincipal } from '../identity/principal.ts';
import type { Database } from '../platform/db/client.ts';
import { timeRuns, type RunTimings } from '../platform/bench/timing.ts';
import { deadlineCalendarFor } from './deadline-calendar.ts';
import { listInbox } from './inbox.ts';
import { inboxQuery } from './officer-routes.schema.ts';

/** One officer of the bench: a role at the busiest agency of its kind, or province-wide. */
function officer(username: string, role: OfficerPrincipal['roles'][number]): OfficerPrincipal {
  return { kind: 'officer', id: '00000000-0000-4000-8000-000000000000', username, fullName: username, roles: [role], isTotpEnabled: false };
}

/**
 * Times the officer inbox (GET /api/v1/officer/inbox without HTTP: counts of every queue, the total and
 * one page) on the data in the database, for a reception officer of the busiest receiving agency, a
 * specialist of the busiest handling agency and a province-wide leader: the default queue, the overdue
 * filter, searches by dossier code and by CCCD (closed dossiers included), and the list with closed dossiers
 * included (its total counted over the whole scope; `closedRuns` times it fewer times, since at millions of
 * dossiers each run counts them all). Every call reads live rows: no cache in between.
 */
export async function benchInbox(database: Database, input: { provinceCode: string; runs: number; closedRuns?: number }) {
  const { db } = database;
  const deps = { db, now: () => new Date(), calendarFor: deadlineCalendarFor };
  const busiest = async (column: 'receiving_agency_code' | 'handling_agency_code') =>
    (
      await db.execute<{ code: string; n: number }>(
        sql.raw(`SELECT ${column} AS code, count(*)::int AS n FROM dossiers GROUP BY 1 ORDER BY 2 DESC LIMIT 1`),
      )
    ).rows[0];
  const [reception, handling, counts] = await Promise.all([
    busiest('receiving_agency_code'),
    busiest('handling_agency_code'),
    db.execute<{ dossiers: number; running: number }>(
      sql`SELECT count(*)::int AS dossiers, count(*) FILTER (WHERE status IN (2, 4, 6))::int AS running FROM dossiers`,
    ),
  ]);
  if (!reception || !handling) throw new Error('no dossiers: run `npm run cli -- generate --dossiers N` first');
  const officers = {
    reception: {
      principal: officer('bench.reception', { role: 'reception', agencyCode: reception.code, unitCode: '' }),
      agency: reception,
    },
    specialist: {
      principal: officer('bench.specialist', { role: 'specialist', agencyCode: handling.code, unitCode: '' }),
      agency: handling,
    },
    provinceLeader: { principal: officer('bench.leader', { role: 'leader', agencyCode: '', unitCode: input.provinceCode }), agency: null },
  };

  const results: Record<
    string,
    {
      dossiersInScope: number;
      openInScope: number;
      defaultQueue: RunTimings;
      overdue: RunTimings;
      searchByCode: RunTimings;
      searchByCccd: RunTimings;
      closedIncluded: RunTimings;
    }
  > = {};
  for (const [name, { principal, agency }] of Object.entries(officers)) {
    // Search targets: real codes and CCCD numbers of this officer's dossiers, a different one each run.
    const column = name === 'reception' ? 'receiving_agency_code' : 'handling_agency_code';
    const samples = (
      await db.execute<{ code: string; id_number: string }>(
        agency
          ? sql`SELECT code, applicant_id_number AS id_number FROM dossiers WHERE ${sql.raw(column)} = ${agency.code} ORDER BY random() LIMIT 64`
          : sql`SELECT code, applicant_id_number AS id_number FROM dossiers ORDER BY random() LIMIT 64`,
      )
    ).rows;
    const pick = (run: number) => samples[(run + samples.length) % samples.length]!;
    const list = (query: Record<string, string>) => listInbox(deps, principal, inboxQuery.parse(query), input.provinceCode);
    const [first, everything] = await Promise.all([list({}), list({ include: 'all' })]);
    // Searches reach closed dossiers too (include=all): the sampled codes are mostly of returned dossiers.
    results[name] = {
      dossiersInScope: everything.total,
      openInScope: first.counts.open,
      defaultQueue: await timeRuns(input.runs, () => list({})),
      overdue: await timeRuns(input.runs, () => list({ overdue: 'true' })),
      searchByCode: await timeRuns(input.runs, (run) => list({ q: pick(run).code, include: 'all' })),
      searchByCccd: await timeRuns(input.runs, (run) => list({ q: pick(run).id_number, include: 'all' })),
      closedIncluded: await timeRuns(input.closedRuns ?? input.runs, () => list({ include: 'all' })),
    };
  }
  return { data: counts.rows[0], agencies: { reception: reception, handling: handling }, runsEach: input.runs, officers: results };
}
