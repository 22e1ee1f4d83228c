CREATE TABLE "admin_unit_links" (
	"predecessor_id" integer NOT NULL,
	"successor_id" integer NOT NULL,
	"kind" text NOT NULL,
	"effective_on" date NOT NULL,
	CONSTRAINT "admin_unit_links_predecessor_id_successor_id_pk" PRIMARY KEY("predecessor_id","successor_id")
);
--> statement-breakpoint
CREATE TABLE "admin_units" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" varchar(5) NOT NULL,
	"level" text NOT NULL,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	"name_en" text,
	"full_name_en" text,
	"unit_type" text NOT NULL,
	"parent_code" varchar(5),
	"province_code" varchar(2) NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"is_parent_inferred" boolean DEFAULT false NOT NULL,
	"search_text" text NOT NULL,
	CONSTRAINT "admin_units_code_era" UNIQUE NULLS NOT DISTINCT("level","code","valid_to")
);
--> statement-breakpoint
CREATE TABLE "agencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"unit_code" varchar(5) NOT NULL,
	"province_code" varchar(2) NOT NULL,
	"parent_agency_code" text,
	"receives_dossiers" boolean DEFAULT false NOT NULL,
	"address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agencies_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "citizens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"id_number" varchar(12) NOT NULL,
	"full_name" text NOT NULL,
	"birth_date" date,
	"gender" text,
	"email" text,
	"phone" text,
	"address" text,
	"address_unit_code" varchar(5),
	"identity_level" integer,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "citizens_issuer_subject" UNIQUE("issuer","subject")
);
--> statement-breakpoint
CREATE TABLE "officer_role_assignments" (
	"officer_id" uuid NOT NULL,
	"role" text NOT NULL,
	"agency_code" text DEFAULT '' NOT NULL,
	"unit_code" varchar(5) NOT NULL,
	CONSTRAINT "officer_role_assignments_officer_id_role_agency_code_unit_code_pk" PRIMARY KEY("officer_id","role","agency_code","unit_code")
);
--> statement-breakpoint
CREATE TABLE "officers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"full_name" text NOT NULL,
	"email" text,
	"password_hash" text NOT NULL,
	"totp_secret_enc" text,
	"is_totp_enabled" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_totp_step" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "officers_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"principal_kind" text NOT NULL,
	"principal_id" uuid NOT NULL,
	"method" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text,
	"request_id" text,
	"ip" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "personal_data_access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text NOT NULL,
	"data_subject" text NOT NULL,
	"resource" text NOT NULL,
	"purpose" text NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "procedure_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"is_current" boolean NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"sector" text NOT NULL,
	"level" text NOT NULL,
	"agency_kind" text NOT NULL,
	"agency_note" text,
	"time_amount" real NOT NULL,
	"time_unit" text NOT NULL,
	"time_note" text,
	"fees" jsonb NOT NULL,
	"components" jsonb NOT NULL,
	"result_name" text NOT NULL,
	"online_level" text NOT NULL,
	"legal_basis" jsonb NOT NULL,
	"form_definition" jsonb,
	"keywords" jsonb NOT NULL,
	"sources" jsonb NOT NULL,
	"change_note" text,
	"search_text" text NOT NULL,
	"name_folded" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedure_versions_number" UNIQUE("procedure_id","version")
);
--> statement-breakpoint
CREATE TABLE "procedures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(8) NOT NULL,
	"province_code" varchar(2) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedures_province_code" UNIQUE("province_code","code")
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"object_key" text NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"page_count" integer,
	"width_px" integer,
	"height_px" integer,
	"file_name" text NOT NULL,
	"dossier_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_components" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"component_code" text NOT NULL,
	"name" text NOT NULL,
	"attachment_id" uuid,
	"source" text NOT NULL,
	"store_document_id" uuid,
	"position" smallint DEFAULT 0 NOT NULL,
	"is_supplement" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_components_upload_has_file" CHECK ("dossier_components"."source" <> 'upload' OR "dossier_components"."attachment_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "dossier_drafts" (
	"citizen_id" uuid NOT NULL,
	"procedure_code" varchar(8) NOT NULL,
	"procedure_version_id" uuid NOT NULL,
	"receiving_agency_code" text,
	"form_data" jsonb NOT NULL,
	"attachment_ids" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_drafts_citizen_id_procedure_code_pk" PRIMARY KEY("citizen_id","procedure_code")
);
--> statement-breakpoint
CREATE TABLE "dossier_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"action" text NOT NULL,
	"from_status" smallint,
	"to_status" smallint NOT NULL,
	"from_step" text,
	"to_step" text,
	"actor_kind" text NOT NULL,
	"actor_id" uuid,
	"actor_session_method" text,
	"agency_code" text,
	"reason" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"province_code" varchar(2) NOT NULL,
	"procedure_version_id" uuid NOT NULL,
	"procedure_code" varchar(8) NOT NULL,
	"receiving_agency_code" text NOT NULL,
	"handling_agency_code" text NOT NULL,
	"unit_code" varchar(5) NOT NULL,
	"status" smallint NOT NULL,
	"channel" smallint NOT NULL,
	"submitter_kind" text NOT NULL,
	"submitter_officer_id" uuid,
	"submitter_terminal" text,
	"helper_id" uuid,
	"applicant_citizen_id" uuid,
	"applicant_kind" text NOT NULL,
	"applicant_id_number" varchar(12) NOT NULL,
	"applicant_tax_code" varchar(14),
	"applicant_name" text NOT NULL,
	"applicant_email" text,
	"applicant_phone" text,
	"is_vneid_verified" boolean DEFAULT false NOT NULL,
	"form_data" jsonb NOT NULL,
	"fee_total_vnd" bigint DEFAULT 0 NOT NULL,
	"current_step" text DEFAULT 'reception' NOT NULL,
	"assigned_officer_id" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone,
	"appointment_at" timestamp with time zone,
	"paused_at" timestamp with time zone,
	"supplement_request_count" integer DEFAULT 0 NOT NULL,
	"processing_ended_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"principal_kind" text NOT NULL,
	"principal_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" varchar(64) NOT NULL,
	"dossier_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_principal_kind_principal_id_key_pk" PRIMARY KEY("principal_kind","principal_id","key")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"template" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body_text" text NOT NULL,
	"attachments" jsonb NOT NULL,
	"subject_type" text,
	"subject_id" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"provider_message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "admin_unit_links" ADD CONSTRAINT "admin_unit_links_predecessor_id_admin_units_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_unit_links" ADD CONSTRAINT "admin_unit_links_successor_id_admin_units_id_fk" FOREIGN KEY ("successor_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officer_role_assignments" ADD CONSTRAINT "officer_role_assignments_officer_id_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."officers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD CONSTRAINT "procedure_versions_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_components" ADD CONSTRAINT "dossier_components_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_components" ADD CONSTRAINT "dossier_components_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_drafts" ADD CONSTRAINT "dossier_drafts_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_drafts" ADD CONSTRAINT "dossier_drafts_procedure_version_id_procedure_versions_id_fk" FOREIGN KEY ("procedure_version_id") REFERENCES "public"."procedure_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_events" ADD CONSTRAINT "dossier_events_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_procedure_version_id_procedure_versions_id_fk" FOREIGN KEY ("procedure_version_id") REFERENCES "public"."procedure_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_submitter_officer_id_officers_id_fk" FOREIGN KEY ("submitter_officer_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_applicant_citizen_id_citizens_id_fk" FOREIGN KEY ("applicant_citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_assigned_officer_id_officers_id_fk" FOREIGN KEY ("assigned_officer_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_unit_links_successor_idx" ON "admin_unit_links" USING btree ("successor_id");--> statement-breakpoint
CREATE INDEX "admin_units_parent_idx" ON "admin_units" USING btree ("parent_code","valid_to");--> statement-breakpoint
CREATE INDEX "admin_units_search_trgm" ON "admin_units" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "agencies_unit_idx" ON "agencies" USING btree ("unit_code");--> statement-breakpoint
CREATE INDEX "agencies_province_idx" ON "agencies" USING btree ("province_code","kind");--> statement-breakpoint
CREATE INDEX "citizens_id_number_idx" ON "citizens" USING btree ("id_number");--> statement-breakpoint
CREATE INDEX "sessions_principal_idx" ON "sessions" USING btree ("principal_kind","principal_id");--> statement-breakpoint
CREATE INDEX "audit_log_subject_idx" ON "audit_log" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_kind","actor_id");--> statement-breakpoint
CREATE INDEX "pd_access_subject_idx" ON "personal_data_access_log" USING btree ("data_subject","at");--> statement-breakpoint
CREATE UNIQUE INDEX "procedure_versions_one_current" ON "procedure_versions" USING btree ("procedure_id") WHERE "procedure_versions"."is_current";--> statement-breakpoint
CREATE INDEX "procedure_versions_search_trgm" ON "procedure_versions" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "procedure_versions_current_idx" ON "procedure_versions" USING btree ("is_current","level","sector");--> statement-breakpoint
CREATE INDEX "attachments_owner_idx" ON "attachments" USING btree ("owner_kind","owner_id","created_at");--> statement-breakpoint
CREATE INDEX "dossier_components_dossier_idx" ON "dossier_components" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_events_dossier_idx" ON "dossier_events" USING btree ("dossier_id","at");--> statement-breakpoint
CREATE INDEX "dossier_events_at_idx" ON "dossier_events" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_code_key" ON "dossiers" USING btree ("code");--> statement-breakpoint
CREATE INDEX "dossiers_applicant_citizen_idx" ON "dossiers" USING btree ("applicant_citizen_id","submitted_at");--> statement-breakpoint
CREATE INDEX "dossiers_applicant_id_number_idx" ON "dossiers" USING btree ("applicant_id_number");--> statement-breakpoint
CREATE INDEX "dossiers_handling_status_idx" ON "dossiers" USING btree ("handling_agency_code","status","appointment_at");--> statement-breakpoint
CREATE INDEX "dossiers_receiving_status_idx" ON "dossiers" USING btree ("receiving_agency_code","status","appointment_at");--> statement-breakpoint
CREATE INDEX "dossiers_unit_submitted_idx" ON "dossiers" USING btree ("unit_code","submitted_at");--> statement-breakpoint
CREATE INDEX "notifications_status_idx" ON "notifications" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "notifications_subject_idx" ON "notifications" USING btree ("subject_type","subject_id");