import type { RawClient } from '../../platform/db/raw.ts';
import type { PlannedDossier } from './plan.ts';

/**
 * Writes planned dossiers in batches, one statement per table, each passing whole columns as array
 * parameters to `unnest` (the fastest bulk path that works the same on PostgreSQL and PGlite without
 * COPY): a few statements per thousand dossiers instead of tens of thousands of rows.
 */

type Column = { name: string; type: string; values: unknown[] };

// Moments travel as epoch milliseconds (float8) and become timestamptz in the statement: turning
// millions of them into ISO strings here costs more than the database's to_timestamp.
const iso = (t: number | null) => t;

function columns(spec: [name: string, type: string][]): Column[] {
  return spec.map(([name, type]) => ({ name, type, values: [] }));
}

function insertText(table: string, cols: Column[], constants: Record<string, string> = {}): string {
  const names = [...cols.map((c) => c.name), ...Object.keys(constants)];
  const selects = [
    ...cols.map((c) => (c.type === 'timestamptz' ? `to_timestamp(${c.name} / 1000.0)` : c.name)),
    ...Object.values(constants),
  ];
  const unnest = cols.map((c, i) => `$${i + 1}::${c.type === 'timestamptz' ? 'float8' : c.type}[]`).join(', ');
  return `INSERT INTO ${table} (${names.join(', ')}) SELECT ${selects.join(', ')} FROM unnest(${unnest}) AS u(${cols.map((c) => c.name).join(', ')})`;
}

/** Rows of one batch, column by column. */
export class DossierBatch {
  readonly dossiers = columns([
    ['id', 'uuid'],
    ['code', 'text'],
    ['province_code', 'varchar'],
    ['procedure_version_id', 'uuid'],
    ['procedure_code', 'varchar'],
    ['receiving_agency_code', 'text'],
    ['handling_agency_code', 'text'],
    ['unit_code', 'varchar'],
    ['status', 'smallint'],
    ['channel', 'smallint'],
    ['submitter_kind', 'text'],
    ['submitter_terminal', 'text'],
    ['applicant_id_number', 'varchar'],
    ['applicant_name', 'text'],
    ['is_vneid_verified', 'boolean'],
    ['fee_total_vnd', 'bigint'],
    ['current_step', 'text'],
    ['submitted_at', 'timestamptz'],
    ['received_at', 'timestamptz'],
    ['appointment_at', 'timestamptz'],
    ['paused_at', 'timestamptz'],
    ['supplement_request_count', 'integer'],
    ['processing_ended_at', 'timestamptz'],
    ['returned_at', 'timestamptz'],
    ['withdrawn_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
    ['is_marked_late', 'boolean'],
    ['return_method', 'text'],
    ['decision', 'text'],
  ]);
  readonly events = columns([
    ['dossier_id', 'uuid'],
    ['at', 'timestamptz'],
    ['action', 'text'],
    ['from_status', 'smallint'],
    ['to_status', 'smallint'],
    ['from_step', 'text'],
    ['to_step', 'text'],
    ['actor_kind', 'text'],
    ['actor_session_method', 'text'],
    ['agency_code', 'text'],
    ['reason', 'text'],
    ['details', 'jsonb'],
  ]);
  readonly components = columns([
    ['id', 'uuid'],
    ['dossier_id', 'uuid'],
    ['component_code', 'text'],
    ['name', 'text'],
    ['source', 'text'],
    ['attachment_id', 'uuid'],
    ['created_at', 'timestamptz'],
  ]);
  // A component made of a file has its attachment row (the check dossier_components_file_claimed);
  // generated files are described, not stored: their object keys lead to no object.
  readonly attachments = columns([
    ['id', 'uuid'],
    ['owner_kind', 'text'],
    ['dossier_id', 'uuid'],
    ['file_name', 'text'],
    ['created_at', 'timestamptz'],
  ]);
  readonly votes = columns([
    ['dossier_id', 'uuid'],
    ['is_like', 'boolean'],
    ['reasons', 'jsonb'],
    ['created_at', 'timestamptz'],
  ]);
  readonly complaints = columns([
    ['id', 'uuid'],
    ['code', 'text'],
    ['dossier_id', 'uuid'],
    ['province_code', 'varchar'],
    ['unit_code', 'varchar'],
    ['agency_code', 'text'],
    ['kind', 'text'],
    ['subject', 'text'],
    ['content', 'text'],
    ['status', 'text'],
    ['received_at', 'timestamptz'],
    ['reject_by', 'timestamptz'],
    ['request_info_by', 'timestamptz'],
    ['handle_by', 'timestamptz'],
    ['publish_by', 'timestamptz'],
    ['handled_at', 'timestamptz'],
    ['is_handled_on_time', 'boolean'],
    ['published_at', 'timestamptz'],
    ['response', 'text'],
    ['is_satisfied', 'boolean'],
    ['rated_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ]);
  readonly complaintEvents = columns([
    ['complaint_id', 'uuid'],
    ['at', 'timestamptz'],
    ['action', 'text'],
    ['from_status', 'text'],
    ['to_status', 'text'],
    ['actor_kind', 'text'],
    ['text', 'text'],
    ['is_on_time', 'boolean'],
  ]);
  size = 0;

  private static push(cols: Column[], values: unknown[]): void {
    for (let i = 0; i < values.length; i++) (cols[i] as Column).values.push(values[i]);
  }

  /** Adds a planned dossier and everything that hangs off it. */
  add(d: PlannedDossier, componentIds: () => string): void {
    this.size++;
    DossierBatch.push(this.dossiers, [
      d.id,
      d.code,
      d.provinceCode,
      d.procedureVersionId,
      d.procedureCode,
      d.receivingAgencyCode,
      d.handlingAgencyCode,
      d.unitCode,
      d.status,
      d.channel,
      d.submitterKind,
      d.submitterTerminal,
      d.applicantIdNumber,
      d.applicantName,
      d.isVneidVerified,
      d.feeTotalVnd,
      d.currentStep,
      iso(d.submittedAt),
      iso(d.receivedAt),
      iso(d.appointmentAt),
      iso(d.pausedAt),
      d.supplementRequestCount,
      iso(d.processingEndedAt),
      iso(d.returnedAt),
      iso(d.withdrawnAt),
      iso(d.updatedAt),
      d.isMarkedLate,
      d.returnMethod,
      d.decision,
    ]);
    for (const e of d.events) {
      DossierBatch.push(this.events, [
        d.id,
        iso(e.at),
        e.action,
        e.fromStatus,
        e.toStatus,
        e.fromStep,
        e.toStep,
        e.actorKind,
        e.actorSessionMethod,
        e.agencyCode,
        e.reason,
        e.details === null ? null : JSON.stringify(e.details),
      ]);
    }
    for (const c of d.components) {
      const attachmentId = c.source === 'store' ? null : componentIds();
      if (attachmentId !== null)
        DossierBatch.push(this.attachments, [
          attachmentId,
          c.source === 'upload' ? 'citizen' : 'officer',
          d.id,
          `${c.code}.pdf`,
          iso(d.submittedAt),
        ]);
      DossierBatch.push(this.components, [componentIds(), d.id, c.code, c.name, c.source, attachmentId, iso(d.submittedAt)]);
    }
    if (d.vote) DossierBatch.push(this.votes, [d.id, d.vote.isLike, JSON.stringify(d.vote.reasons), iso(d.vote.at)]);
    const k = d.complaint;
    if (k) {
      const last = k.events[k.events.length - 1];
      DossierBatch.push(this.complaints, [
        k.id,
        k.code,
        d.id,
        d.provinceCode,
        d.unitCode,
        d.handlingAgencyCode,
        k.kind,
        k.subject,
        k.content,
        k.status,
        iso(k.receivedAt),
        iso(k.rejectBy),
        iso(k.requestInfoBy),
        iso(k.handleBy),
        iso(k.publishBy),
        iso(k.handledAt),
        k.isHandledOnTime,
        iso(k.publishedAt),
        k.response,
        k.isSatisfied,
        iso(k.ratedAt),
        iso(last?.at ?? k.receivedAt),
      ]);
      for (const e of k.events)
        DossierBatch.push(this.complaintEvents, [k.id, iso(e.at), e.action, e.fromStatus, e.toStatus, e.actorKind, e.text, e.isOnTime]);
    }
  }

  /** Rows in this batch across all tables. */
  rowCount(): number {
    return [this.dossiers, this.events, this.attachments, this.components, this.votes, this.complaints, this.complaintEvents].reduce(
      (sum, cols) => sum + (cols[0]?.values.length ?? 0),
      0,
    );
  }

  /**
   * Writes the batch in one transaction on one connection: dossiers first (the rest refers to them).
   * Where the role may, foreign-key triggers are skipped for the load (session_replication_role):
   * every row refers only to rows written before it or to reference data read from the database.
   */
  async write(client: RawClient, skipTriggers: boolean): Promise<void> {
    if (this.size === 0) return;
    const run = async (table: string, cols: Column[], constants?: Record<string, string>) => {
      if ((cols[0]?.values.length ?? 0) > 0)
        await client.query(
          insertText(table, cols, constants),
          cols.map((c) => c.values),
        );
    };
    await client.query('BEGIN');
    try {
      if (skipTriggers) await client.query('SET LOCAL session_replication_role = replica');
      await run('dossiers', this.dossiers, { applicant_kind: `'citizen'`, form_data: `'{}'::jsonb` });
      await run('dossier_events', this.events);
      await run('attachments', this.attachments, {
        owner_id: `'00000000-0000-0000-0000-000000000000'`,
        object_key: `'generated/' || id`,
        sha256: `repeat('0', 64)`,
        media_type: `'application/pdf'`,
        size_bytes: '0',
      });
      await run('dossier_components', this.components);
      await run('satisfaction_votes', this.votes);
      await run('complaints', this.complaints);
      await run('complaint_events', this.complaintEvents);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  }
}
