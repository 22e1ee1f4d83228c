import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { DossierChannel, DossierStatus, SubmitterKind } from '../../dossiers/schema.ts';
import type { DrillKind } from '../domain/kpis.ts';
import { sharesOf, type View } from './aggregate.ts';
import { periodOf, targetUnit, unitRef, type Overview, type UnitRef } from './overview.ts';
import { periodWindow, type PeriodWindow } from './period-window.ts';
import { loadUnitTree, type UnitTree } from './unit-tree.ts';

/**
 * Danh sách hồ sơ — the dossiers behind a dashboard number. It filters the per-dossier facts the
 * rollups were summed from (the same rows, so the list and the number agree) and joins the dossiers
 * only to show them. No personal data: codes, procedures, dates and statuses.
 */

export interface DrillRow {
  dossierId: string;
  code: string;
  procedureCode: string;
  procedureName: string;
  unitCode: string;
  unitName: string;
  agencyCode: string;
  channel: DossierChannel;
  submitterKind: SubmitterKind;
  status: DossierStatus;
  submittedAt: string;
  receivedAt: string | null;
  appointmentAt: string | null;
  endedAt: string | null;
  isOnTime: boolean | null;
  /** Working the dossier's share out of a split unit: it may belong to another successor. */
  isEstimate: boolean;
}

export interface Drilldown {
  period: Overview['period'];
  view: View;
  unit: UnitRef;
  kind: DrillKind;
  total: number;
  page: number;
  pageSize: number;
  rows: DrillRow[];
}

/**
 * The facts predicate of a kind of dossiers over a window (dates are the facts' local days): cohorts
 * over the window's whole months, as the rollups sum them; the overdue snapshot at the window's end.
 */
export function drillPredicate(kind: DrillKind, w: PeriodWindow): SQL {
  const received = (extra: SQL | null = null) =>
    extra ? sql`f.received_on BETWEEN ${w.start} AND ${w.lastDay} AND ${extra}` : sql`f.received_on BETWEEN ${w.start} AND ${w.lastDay}`;
  const ended = (extra: SQL | null = null) =>
    extra ? sql`f.ended_on BETWEEN ${w.start} AND ${w.lastDay} AND ${extra}` : sql`f.ended_on BETWEEN ${w.start} AND ${w.lastDay}`;
  const voted = (extra: SQL | null = null) =>
    extra ? sql`f.voted_on BETWEEN ${w.start} AND ${w.lastDay} AND ${extra}` : sql`f.voted_on BETWEEN ${w.start} AND ${w.lastDay}`;
  switch (kind) {
    case 'received':
      return received();
    case 'online':
      return received(sql`f.channel = 2`);
    case 'genuine':
      return received(sql`f.submitter_kind = 'applicant'`);
    case 'assisted':
      return received(sql`f.submitter_kind = 'assisted'`);
    case 'counter':
      return received(sql`f.channel = 1`);
    case 'post':
      return received(sql`f.channel = 3`);
    case 'with_reuse':
      return received(sql`f.components_reused > 0`);
    case 'with_obligation':
      return received(sql`f.has_obligation`);
    case 'paid_online':
      return received(sql`f.is_paid_online`);
    case 'vneid':
      return received(sql`f.is_vneid_verified`);
    case 'completed':
      return ended();
    case 'on_time':
      return ended(sql`f.is_on_time`);
    case 'timed':
      return ended(sql`f.processing_minutes IS NOT NULL`);
    case 'results':
      return ended(sql`f.is_result`);
    case 'electronic_result':
      return ended(sql`f.is_electronic_result`);
    case 'digitised':
      return ended(sql`f.is_digitised`);
    // Late by the national rule: ended late in the period, or open and past the appointment at its end.
    case 'late':
      return sql`((${ended(sql`NOT f.is_on_time`)}) OR (f.overdue_from <= ${w.asOf} AND (f.overdue_until IS NULL OR f.overdue_until > ${w.asOf})))`;
    case 'voted':
      return voted();
    case 'liked':
      return voted(sql`f.is_like`);
    case 'disliked':
      return voted(sql`NOT f.is_like`);
  }
}

/** The unit rows (ids) whose dossiers count for a target unit, and whether any of them is shared with other units. */
export function contributingUnits(tree: UnitTree, unitId: number, view: View): { ids: number[]; estimated: Set<number> } {
  const level = unitId === tree.province.id ? 'province' : 'communes';
  const ids: number[] = [];
  const estimated = new Set<number>();
  for (const id of tree.byId.keys()) {
    const share = sharesOf(tree, id, level, view).find((s) => s.key === String(unitId));
    if (!share) continue;
    ids.push(id);
    if (share.isEstimate) estimated.add(id);
  }
  return { ids, estimated };
}

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

/** One page (or, for exports, up to `pageSize` rows) of the dossiers behind a number. */
export async function readDrilldown(
  db: Db,
  input: {
    provinceCode: string;
    unitCode: string;
    period: string;
    kind: DrillKind;
    view: View;
    page: number;
    pageSize: number;
    today: string;
  },
): Promise<Drilldown> {
  const tree = await loadUnitTree(db, input.provinceCode);
  const unit = targetUnit(tree, input.unitCode);
  const window = periodWindow(input.period, input.today);
  const { ids, estimated } = contributingUnits(tree, unit.id, input.view);
  const base = {
    period: periodOf(window),
    view: input.view,
    unit: unitRef(unit),
    kind: input.kind,
    page: input.page,
    pageSize: input.pageSize,
  };
  if (ids.length === 0 || window.months.length === 0) return { ...base, total: 0, rows: [] };
  const where = sql`f.unit_id IN (${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}) AND ${drillPredicate(input.kind, window)}`;
  const [count] = (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM indicator_dossier_facts f WHERE ${where}`)).rows;
  const rows = await db.execute<Record<string, unknown>>(sql`
    SELECT f.dossier_id, d.code, d.procedure_code, pv.name AS procedure_name, f.unit_id, d.handling_agency_code, d.channel,
      d.submitter_kind, d.status, d.submitted_at, d.received_at, d.appointment_at, d.processing_ended_at, f.is_on_time
    FROM indicator_dossier_facts f
    JOIN dossiers d ON d.id = f.dossier_id
    JOIN procedure_versions pv ON pv.id = d.procedure_version_id
    WHERE ${where}
    ORDER BY d.submitted_at DESC, d.code
    LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}`);
  return {
    ...base,
    total: Number(count?.n ?? 0),
    rows: rows.rows.map((r) => {
      const unitOf = tree.byId.get(Number(r['unit_id']));
      return {
        dossierId: String(r['dossier_id']),
        code: String(r['code']),
        procedureCode: String(r['procedure_code']),
        procedureName: String(r['procedure_name']),
        unitCode: unitOf?.code ?? '',
        unitName: unitOf?.fullName ?? '',
        agencyCode: String(r['handling_agency_code']),
        channel: Number(r['channel']) as DossierChannel,
        submitterKind: r['submitter_kind'] as SubmitterKind,
        status: Number(r['status']) as DossierStatus,
        submittedAt: iso(r['submitted_at']) ?? '',
        receivedAt: iso(r['received_at']),
        appointmentAt: iso(r['appointment_at']),
        endedAt: iso(r['processing_ended_at']),
        isOnTime: r['is_on_time'] === null ? null : Boolean(r['is_on_time']),
        isEstimate: estimated.has(Number(r['unit_id'])),
      };
    }),
  };
}
