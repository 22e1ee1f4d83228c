import type { Database } from '../platform/db/client.ts';

/**
 * The submission's write: for each dossier, the dossier, its idempotency key, the claim on its files,
 * its components, first event, audit row, receipt e-mail and the removal of the applicant's draft, as
 * ONE statement of data-modifying CTEs. PostgreSQL runs a statement as one transaction (all or nothing).
 * Hand-written and prepared by name: building it through the query builder took more CPU than the
 * database took to run it (measured with `npm run bench`). The columns must follow schema.ts; the API
 * tests on both backends read every row back.
 *
 * It writes a batch of dossiers (see SubmissionWriter): $1 holds the dossiers, $2 their components,
 * $3 their files, each as a JSON array of records. A dossier is written only for a version that is
 * still current (the caller may have used one kept in memory); everything else joins the dossiers
 * written, so a dossier not written leaves no trace.
 *
 * Each file is claimed only when it is its submitter's, unclaimed and of a media type its component
 * accepts, and file components take their attachment ids from the claim: a file that fails any of these
 * (or that another submission claimed meanwhile) leaves an upload or counter scan without its file,
 * which the check dossier_components_file_claimed refuses, undoing the whole statement. The statement
 * answers, per dossier written, what it claimed (name, size, hash) for the receipt and the answer.
 */
const writeStatement = `
WITH input AS MATERIALIZED (
  SELECT * FROM json_to_recordset($1::json) AS d(id uuid, code text, province_code text, procedure_version_id uuid,
    procedure_code text, receiving_agency_code text, handling_agency_code text, unit_code text, status smallint,
    channel smallint, submitter_kind text, submitter_officer_id uuid, submitter_terminal text, helper_id uuid,
    applicant_citizen_id uuid, applicant_id_number text, applicant_name text, applicant_email text,
    applicant_phone text, is_vneid_verified boolean, form_data jsonb, fee_total_vnd bigint, submitted_at timestamptz,
    appointment_at timestamptz, principal_kind text, principal_id uuid, idempotency_key text, request_hash text,
    session_method text, event_details jsonb, actor_kind text, actor_id text, request_id text, ip text,
    audit_details jsonb, notification_id uuid, email_subject text, email_body text, email_attachments jsonb)
), dossier AS (
  INSERT INTO dossiers (id, code, province_code, procedure_version_id, procedure_code, receiving_agency_code,
    handling_agency_code, unit_code, status, channel, submitter_kind, submitter_officer_id, submitter_terminal,
    helper_id, applicant_citizen_id, applicant_kind, applicant_id_number, applicant_name, applicant_email,
    applicant_phone, is_vneid_verified, form_data, fee_total_vnd, current_step, submitted_at, appointment_at, updated_at)
  SELECT d.id, d.code, d.province_code, d.procedure_version_id, d.procedure_code, d.receiving_agency_code,
    d.handling_agency_code, d.unit_code, d.status, d.channel, d.submitter_kind, d.submitter_officer_id,
    d.submitter_terminal, d.helper_id, d.applicant_citizen_id, 'citizen', d.applicant_id_number, d.applicant_name,
    d.applicant_email, d.applicant_phone, d.is_vneid_verified, d.form_data, d.fee_total_vnd, 'reception',
    d.submitted_at, d.appointment_at, d.submitted_at
  FROM input d
  WHERE EXISTS (SELECT 1 FROM procedure_versions WHERE id = d.procedure_version_id AND is_current)
  RETURNING id
), written AS MATERIALIZED (
  SELECT d.* FROM input d JOIN dossier USING (id)
), idempotency AS (
  -- A concurrent retry with the same key waits on this row, then fails on the primary key.
  INSERT INTO idempotency_keys (principal_kind, principal_id, key, request_hash, dossier_id, created_at)
  SELECT principal_kind, principal_id, idempotency_key, request_hash, id, submitted_at FROM written
), claimed AS (
  UPDATE attachments SET dossier_id = w.id
  FROM json_to_recordset($3::json) AS f(id uuid, dossier_id uuid, media_types text)
    JOIN written w ON w.id = f.dossier_id
  WHERE attachments.id = f.id AND attachments.owner_kind = w.principal_kind AND attachments.owner_id = w.principal_id
    AND attachments.dossier_id IS NULL AND attachments.media_type = ANY(string_to_array(f.media_types, ' '))
  RETURNING attachments.id, attachments.dossier_id, attachments.file_name, attachments.size_bytes, attachments.sha256
), components AS (
  INSERT INTO dossier_components (dossier_id, component_code, name, attachment_id, source, store_document_id, position, created_at)
  SELECT w.id, c.code, c.name, claimed.id, c.source, c.store_document_id, c.position, w.submitted_at
  FROM json_to_recordset($2::json) AS c(dossier_id uuid, code text, name text, attachment_id uuid, source text,
      store_document_id uuid, position int)
    JOIN written w ON w.id = c.dossier_id
    LEFT JOIN claimed ON claimed.id = c.attachment_id AND claimed.dossier_id = c.dossier_id
), event AS (
  INSERT INTO dossier_events (dossier_id, at, action, from_status, to_status, to_step, actor_kind, actor_id,
    actor_session_method, agency_code, details)
  SELECT id, submitted_at, 'submit', NULL, status, 'reception', principal_kind, principal_id, session_method,
    receiving_agency_code, event_details
  FROM written
), audit AS (
  INSERT INTO audit_log (actor_kind, actor_id, action, subject_type, subject_id, request_id, ip, details)
  SELECT actor_kind, actor_id, 'dossier.submitted', 'dossier', id::text, request_id, ip, audit_details FROM written
), draft AS (
  DELETE FROM dossier_drafts USING written w
  WHERE dossier_drafts.citizen_id = w.applicant_citizen_id AND dossier_drafts.procedure_code = w.procedure_code
), email AS (
  INSERT INTO notifications (id, channel, template, recipient, subject, body_text, attachments, subject_type, subject_id, status)
  SELECT notification_id, 'email', 'dossier.received', applicant_email, email_subject, email_body, email_attachments,
    'dossier', id::text, 'pending'
  FROM written WHERE notification_id IS NOT NULL
)
SELECT dossier.id, files.files FROM dossier LEFT JOIN (
  SELECT dossier_id, json_agg(json_build_object('id', id, 'fileName', file_name, 'sizeBytes', size_bytes, 'sha256', sha256)) AS files
  FROM claimed GROUP BY dossier_id
) files ON files.dossier_id = dossier.id`;

/** One dossier to write, with everything recorded with it (the fields of writeStatement's $1). */
export interface DossierToWrite {
  id: string;
  code: string;
  province_code: string;
  procedure_version_id: string;
  procedure_code: string;
  receiving_agency_code: string;
  handling_agency_code: string;
  unit_code: string;
  status: number;
  channel: number;
  submitter_kind: string;
  submitter_officer_id: string | null;
  submitter_terminal: string | null;
  helper_id: string | null;
  applicant_citizen_id: string | null;
  applicant_id_number: string;
  applicant_name: string;
  applicant_email: string | null;
  applicant_phone: string | null;
  is_vneid_verified: boolean;
  form_data: unknown;
  fee_total_vnd: number;
  submitted_at: string;
  appointment_at: string | null;
  /** Who submits: the owner the files must belong to, and the idempotency key's principal. */
  principal_kind: string;
  principal_id: string;
  idempotency_key: string;
  request_hash: string;
  session_method: string | null;
  event_details: unknown;
  actor_kind: string;
  actor_id: string | null;
  request_id: string | null;
  ip: string | null;
  audit_details: unknown;
  notification_id: string | null;
  email_subject: string | null;
  email_body: string | null;
  email_attachments: unknown;
}

export interface SubmissionToWrite {
  dossier: DossierToWrite;
  /** In order; `attachmentId` is the file offered for an upload or counter scan, claimed by the write. */
  components: { code: string; name: string; attachmentId: string | null; source: string; storeDocumentId: string | null }[];
  /** Each offered file with the media types its component accepts. */
  files: { id: string; mediaTypes: readonly string[] }[];
}

/** A file the write claimed, as it answers it. */
export interface ClaimedFile {
  id: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
}

/** What the write did with one submission: nothing (its version is no longer current), or the dossier and its files. */
export type WriteResult = { written: false } | { written: true; files: ClaimedFile[] };

type Query = Database['query'];

/** Writes a batch in one statement; answers each submission's result, in order. */
async function writeBatch(query: Query, batch: readonly SubmissionToWrite[]): Promise<WriteResult[]> {
  const rows = await query<{ id: string; files: ClaimedFile[] | null }>({
    name: 'dossiers.submit',
    text: writeStatement,
    values: [
      JSON.stringify(batch.map((s) => s.dossier)),
      JSON.stringify(
        batch.flatMap((s) =>
          s.components.map((c, position) => ({
            dossier_id: s.dossier.id,
            code: c.code,
            name: c.name,
            attachment_id: c.attachmentId,
            source: c.source,
            store_document_id: c.storeDocumentId,
            position,
          })),
        ),
      ),
      JSON.stringify(
        batch.flatMap((s) => s.files.map((f) => ({ id: f.id, dossier_id: s.dossier.id, media_types: f.mediaTypes.join(' ') }))),
      ),
    ],
  });
  const byId = new Map(rows.map((r) => [r.id, r.files ?? []]));
  return batch.map((s) => {
    const files = byId.get(s.dossier.id);
    return files ? { written: true, files } : { written: false };
  });
}

interface Waiting {
  submission: SubmissionToWrite;
  resolve: (result: WriteResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for submissions (ADR 0010). A submission is written at once while fewer than
 * `maxInFlight` writes are running; otherwise it waits, and when a write finishes, every submission
 * waiting (up to `maxBatch`) goes in the next statement. Under load one statement carries many
 * dossiers, so the statement's fixed cost (starting the executor, opening 8 tables and their indexes,
 * the round trip, the commit) is paid once for all of them; an idle platform writes each at once.
 *
 * Each dossier still commits with everything recorded with it, or not at all. When a batch fails (one
 * submission's file was taken meanwhile, a key or dossier code already used), nothing of it is stored,
 * and each of its submissions is written again on its own (all at once, queued by the connection
 * pool), so each gets its own answer or error, exactly as if it had never been batched.
 */
export class SubmissionWriter {
  #waiting: Waiting[] = [];
  #inFlight = 0;
  /** Statements run so far, and the dossiers they carried: how much batching happens (tests, operations). */
  readonly stats = { statements: 0, submissions: 0, batchesRetriedAlone: 0 };

  constructor(
    private readonly query: Query,
    private readonly maxInFlight: number,
    private readonly maxBatch = 64,
  ) {}

  /** Submissions waiting for a write to finish. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /** Writes one submission (perhaps with others); throws the database's error when its own write fails. */
  write(submission: SubmissionToWrite): Promise<WriteResult> {
    return new Promise<WriteResult>((resolve, reject) => {
      this.#waiting.push({ submission, resolve, reject });
      this.#next();
    });
  }

  #next(): void {
    while (this.#inFlight < this.maxInFlight && this.#waiting.length > 0) {
      const batch = this.#waiting.splice(0, this.maxBatch);
      this.#inFlight++;
      void this.#run(batch).finally(() => {
        this.#inFlight--;
        this.#next();
      });
    }
  }

  async #run(batch: Waiting[]): Promise<void> {
    try {
      const results = await this.#write(batch.map((w) => w.submission));
      batch.forEach((w, i) => w.resolve(results[i] as WriteResult));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      // Nothing of the batch was stored: each alone, so one submission's error is only its own.
      this.stats.batchesRetriedAlone++;
      await Promise.all(
        batch.map(async (w) => {
          try {
            const [result] = await this.#write([w.submission]);
            w.resolve(result as WriteResult);
          } catch (alone) {
            w.reject(alone);
          }
        }),
      );
    }
  }

  async #write(batch: SubmissionToWrite[]): Promise<WriteResult[]> {
    this.stats.statements++;
    this.stats.submissions += batch.length;
    return writeBatch(this.query, batch);
  }
}
