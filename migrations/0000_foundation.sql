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
CREATE TABLE "community_helpers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" varchar(5) NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"team" text NOT NULL,
	"created_by_officer_id" uuid NOT NULL,
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
	CONSTRAINT "dossier_components_file_claimed" CHECK ("dossier_components"."source" NOT IN ('upload', 'counter_scan') OR "dossier_components"."attachment_id" IS NOT NULL)
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
CREATE TABLE "dossier_status_count_deltas" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"province_code" varchar(2) NOT NULL,
	"status" smallint NOT NULL,
	"delta" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_status_counts" (
	"province_code" varchar(2) NOT NULL,
	"status" smallint NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "dossier_status_counts_province_code_status_pk" PRIMARY KEY("province_code","status")
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
	"financial_obligations" jsonb DEFAULT '[]'::jsonb NOT NULL,
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
	"decision" text,
	"return_method" text,
	"is_marked_late" boolean DEFAULT false NOT NULL,
	"deadline_alert" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossiers_status_national" CHECK ("dossiers"."status" BETWEEN 1 AND 10)
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
CREATE TABLE "procedure_workflows" (
	"procedure_version_id" uuid PRIMARY KEY NOT NULL,
	"definition" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "issued_document_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"document_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"action" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "issued_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" varchar(2) NOT NULL,
	"agency_code" text NOT NULL,
	"document_type" text NOT NULL,
	"title" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id_number" varchar(12),
	"subject_tax_code" varchar(14),
	"dossier_id" uuid,
	"object_key" text NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"size_bytes" integer NOT NULL,
	"signer_certificate_id" uuid NOT NULL,
	"signer_fingerprint" varchar(64) NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"public_facts" jsonb NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by_officer_id" uuid,
	"revocation_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signing_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"agency_code" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"certificate_pem" text NOT NULL,
	"fingerprint" varchar(64) NOT NULL,
	"subject" text NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"private_key_sealed" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "store_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"store_document_id" uuid NOT NULL,
	"agency_code" text NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "store_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id_number" varchar(12),
	"owner_tax_code" varchar(14),
	"document_type" text NOT NULL,
	"title" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"origin" text NOT NULL,
	"issued_document_id" uuid,
	"source_dossier_id" uuid,
	"agency_code" text,
	"object_key" text NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_complaint_facts" (
	"complaint_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"province_code" varchar(2) NOT NULL,
	"unit_id" integer NOT NULL,
	"agency_code" text NOT NULL,
	"procedure_code" varchar(8) NOT NULL,
	"received_on" date NOT NULL,
	"handled_on" date,
	"is_handled_on_time" boolean,
	"rated_on" date,
	"is_satisfied" boolean
);
--> statement-breakpoint
CREATE TABLE "indicator_dashboard_cache" (
	"key" text PRIMARY KEY NOT NULL,
	"event_id" bigint NOT NULL,
	"period_end" date NOT NULL,
	"as_of" date NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_dossier_facts" (
	"dossier_id" uuid NOT NULL,
	"province_code" varchar(2) NOT NULL,
	"unit_code" varchar(5) NOT NULL,
	"unit_id" integer NOT NULL,
	"agency_code" text NOT NULL,
	"procedure_code" varchar(8) NOT NULL,
	"received_on" date NOT NULL,
	"channel" smallint NOT NULL,
	"submitter_kind" text NOT NULL,
	"is_vneid_verified" boolean NOT NULL,
	"has_obligation" boolean NOT NULL,
	"is_paid_online" boolean NOT NULL,
	"components" integer NOT NULL,
	"components_reused" integer NOT NULL,
	"supplement_requests" integer NOT NULL,
	"is_withdrawn" boolean NOT NULL,
	"ended_on" date,
	"is_on_time" boolean,
	"processing_minutes" integer,
	"is_result" boolean NOT NULL,
	"is_electronic_result" boolean NOT NULL,
	"is_digitised" boolean NOT NULL,
	"has_complaint_or_dislike" boolean NOT NULL,
	"overdue_from" date,
	"overdue_until" date,
	"voted_on" date,
	"is_like" boolean
);
--> statement-breakpoint
CREATE TABLE "indicator_rollup_changes" (
	"to_event_id" bigint PRIMARY KEY NOT NULL,
	"min_day" date NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_rollup_daily" (
	"province_code" varchar(2) NOT NULL,
	"unit_id" integer NOT NULL,
	"agency_code" text NOT NULL,
	"procedure_code" varchar(8) NOT NULL,
	"day" date NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"received_online" integer DEFAULT 0 NOT NULL,
	"received_counter" integer DEFAULT 0 NOT NULL,
	"received_post" integer DEFAULT 0 NOT NULL,
	"by_applicant" integer DEFAULT 0 NOT NULL,
	"by_assisted" integer DEFAULT 0 NOT NULL,
	"by_counter" integer DEFAULT 0 NOT NULL,
	"by_post" integer DEFAULT 0 NOT NULL,
	"vneid_verified" integer DEFAULT 0 NOT NULL,
	"with_obligation" integer DEFAULT 0 NOT NULL,
	"paid_online" integer DEFAULT 0 NOT NULL,
	"components" integer DEFAULT 0 NOT NULL,
	"components_reused" integer DEFAULT 0 NOT NULL,
	"with_reuse" integer DEFAULT 0 NOT NULL,
	"with_supplement" integer DEFAULT 0 NOT NULL,
	"supplement_requests" integer DEFAULT 0 NOT NULL,
	"withdrawn" integer DEFAULT 0 NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"completed_on_time" integer DEFAULT 0 NOT NULL,
	"completed_late" integer DEFAULT 0 NOT NULL,
	"completed_timed" integer DEFAULT 0 NOT NULL,
	"processing_minutes" bigint DEFAULT 0 NOT NULL,
	"results" integer DEFAULT 0 NOT NULL,
	"electronic_results" integer DEFAULT 0 NOT NULL,
	"digitised" integer DEFAULT 0 NOT NULL,
	"with_complaint_or_dislike" integer DEFAULT 0 NOT NULL,
	"overdue_delta" integer DEFAULT 0 NOT NULL,
	"votes" integer DEFAULT 0 NOT NULL,
	"votes_like" integer DEFAULT 0 NOT NULL,
	"complaints" integer DEFAULT 0 NOT NULL,
	"complaints_handled" integer DEFAULT 0 NOT NULL,
	"complaints_handled_on_time" integer DEFAULT 0 NOT NULL,
	"complaints_rated" integer DEFAULT 0 NOT NULL,
	"complaints_satisfied" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "indicator_rollup_daily_province_code_unit_id_agency_code_procedure_code_day_pk" PRIMARY KEY("province_code","unit_id","agency_code","procedure_code","day")
);
--> statement-breakpoint
CREATE TABLE "indicator_rollup_monthly" (
	"province_code" varchar(2) NOT NULL,
	"unit_id" integer NOT NULL,
	"agency_code" text NOT NULL,
	"month" date NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"received_online" integer DEFAULT 0 NOT NULL,
	"received_counter" integer DEFAULT 0 NOT NULL,
	"received_post" integer DEFAULT 0 NOT NULL,
	"by_applicant" integer DEFAULT 0 NOT NULL,
	"by_assisted" integer DEFAULT 0 NOT NULL,
	"by_counter" integer DEFAULT 0 NOT NULL,
	"by_post" integer DEFAULT 0 NOT NULL,
	"vneid_verified" integer DEFAULT 0 NOT NULL,
	"with_obligation" integer DEFAULT 0 NOT NULL,
	"paid_online" integer DEFAULT 0 NOT NULL,
	"components" integer DEFAULT 0 NOT NULL,
	"components_reused" integer DEFAULT 0 NOT NULL,
	"with_reuse" integer DEFAULT 0 NOT NULL,
	"with_supplement" integer DEFAULT 0 NOT NULL,
	"supplement_requests" integer DEFAULT 0 NOT NULL,
	"withdrawn" integer DEFAULT 0 NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"completed_on_time" integer DEFAULT 0 NOT NULL,
	"completed_late" integer DEFAULT 0 NOT NULL,
	"completed_timed" integer DEFAULT 0 NOT NULL,
	"processing_minutes" bigint DEFAULT 0 NOT NULL,
	"results" integer DEFAULT 0 NOT NULL,
	"electronic_results" integer DEFAULT 0 NOT NULL,
	"digitised" integer DEFAULT 0 NOT NULL,
	"with_complaint_or_dislike" integer DEFAULT 0 NOT NULL,
	"overdue_delta" integer DEFAULT 0 NOT NULL,
	"votes" integer DEFAULT 0 NOT NULL,
	"votes_like" integer DEFAULT 0 NOT NULL,
	"complaints" integer DEFAULT 0 NOT NULL,
	"complaints_handled" integer DEFAULT 0 NOT NULL,
	"complaints_handled_on_time" integer DEFAULT 0 NOT NULL,
	"complaints_rated" integer DEFAULT 0 NOT NULL,
	"complaints_satisfied" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "indicator_rollup_monthly_province_code_month_unit_id_agency_code_pk" PRIMARY KEY("province_code","month","unit_id","agency_code")
);
--> statement-breakpoint
CREATE TABLE "indicator_rollup_overdue" (
	"province_code" varchar(2) NOT NULL,
	"unit_id" integer NOT NULL,
	"agency_code" text NOT NULL,
	"overdue_delta" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "indicator_rollup_overdue_province_code_unit_id_agency_code_pk" PRIMARY KEY("province_code","unit_id","agency_code")
);
--> statement-breakpoint
CREATE TABLE "indicator_rollup_period" (
	"province_code" varchar(2) NOT NULL,
	"granularity" text NOT NULL,
	"period_start" date NOT NULL,
	"unit_id" integer NOT NULL,
	"agency_code" text NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"received_online" integer DEFAULT 0 NOT NULL,
	"received_counter" integer DEFAULT 0 NOT NULL,
	"received_post" integer DEFAULT 0 NOT NULL,
	"by_applicant" integer DEFAULT 0 NOT NULL,
	"by_assisted" integer DEFAULT 0 NOT NULL,
	"by_counter" integer DEFAULT 0 NOT NULL,
	"by_post" integer DEFAULT 0 NOT NULL,
	"vneid_verified" integer DEFAULT 0 NOT NULL,
	"with_obligation" integer DEFAULT 0 NOT NULL,
	"paid_online" integer DEFAULT 0 NOT NULL,
	"components" integer DEFAULT 0 NOT NULL,
	"components_reused" integer DEFAULT 0 NOT NULL,
	"with_reuse" integer DEFAULT 0 NOT NULL,
	"with_supplement" integer DEFAULT 0 NOT NULL,
	"supplement_requests" integer DEFAULT 0 NOT NULL,
	"withdrawn" integer DEFAULT 0 NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"completed_on_time" integer DEFAULT 0 NOT NULL,
	"completed_late" integer DEFAULT 0 NOT NULL,
	"completed_timed" integer DEFAULT 0 NOT NULL,
	"processing_minutes" bigint DEFAULT 0 NOT NULL,
	"results" integer DEFAULT 0 NOT NULL,
	"electronic_results" integer DEFAULT 0 NOT NULL,
	"digitised" integer DEFAULT 0 NOT NULL,
	"with_complaint_or_dislike" integer DEFAULT 0 NOT NULL,
	"overdue_delta" integer DEFAULT 0 NOT NULL,
	"votes" integer DEFAULT 0 NOT NULL,
	"votes_like" integer DEFAULT 0 NOT NULL,
	"complaints" integer DEFAULT 0 NOT NULL,
	"complaints_handled" integer DEFAULT 0 NOT NULL,
	"complaints_handled_on_time" integer DEFAULT 0 NOT NULL,
	"complaints_rated" integer DEFAULT 0 NOT NULL,
	"complaints_satisfied" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "indicator_rollup_period_province_code_granularity_period_start_unit_id_agency_code_pk" PRIMARY KEY("province_code","granularity","period_start","unit_id","agency_code")
);
--> statement-breakpoint
CREATE TABLE "indicator_rollup_procedure_monthly" (
	"province_code" varchar(2) NOT NULL,
	"unit_id" integer NOT NULL,
	"procedure_code" varchar(8) NOT NULL,
	"month" date NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"received_online" integer DEFAULT 0 NOT NULL,
	"with_obligation" integer DEFAULT 0 NOT NULL,
	"paid_online" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "indicator_rollup_procedure_monthly_province_code_month_unit_id_procedure_code_pk" PRIMARY KEY("province_code","month","unit_id","procedure_code")
);
--> statement-breakpoint
CREATE TABLE "indicator_rollup_procedure_period" (
	"province_code" varchar(2) NOT NULL,
	"granularity" text NOT NULL,
	"period_start" date NOT NULL,
	"unit_id" integer NOT NULL,
	"procedure_code" varchar(8) NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"received_online" integer DEFAULT 0 NOT NULL,
	"with_obligation" integer DEFAULT 0 NOT NULL,
	"paid_online" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "indicator_rollup_procedure_period_province_code_granularity_period_start_unit_id_procedure_code_pk" PRIMARY KEY("province_code","granularity","period_start","unit_id","procedure_code")
);
--> statement-breakpoint
CREATE TABLE "indicator_rollup_state" (
	"name" text PRIMARY KEY NOT NULL,
	"last_event_id" bigint DEFAULT 0 NOT NULL,
	"gap_seen_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" varchar(2) NOT NULL,
	"period" varchar(7) NOT NULL,
	"department_code" text NOT NULL,
	"group" text NOT NULL,
	"metric" text NOT NULL,
	"numerator" bigint,
	"denominator" bigint,
	"ratio" numeric,
	"published_score" numeric,
	"max_score" numeric,
	"basis" text NOT NULL,
	"raw" jsonb NOT NULL,
	"position" integer NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_evaluations_metric" UNIQUE("province_code","period","department_code","group","metric")
);
--> statement-breakpoint
CREATE TABLE "portal_unit_mappings" (
	"province_code" varchar(2) NOT NULL,
	"department_code" text NOT NULL,
	"target_kind" text NOT NULL,
	"target_code" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_unit_mappings_province_code_department_code_pk" PRIMARY KEY("province_code","department_code")
);
--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"province_code" varchar(2) NOT NULL,
	"date" date NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_days_pk" PRIMARY KEY("province_code","date")
);
--> statement-breakpoint
CREATE TABLE "calendar_settings" (
	"province_code" varchar(2) PRIMARY KEY NOT NULL,
	"working_periods" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"province_code" varchar(2) NOT NULL,
	"year" integer NOT NULL,
	"administered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_years_pk" PRIMARY KEY("province_code","year")
);
--> statement-breakpoint
CREATE TABLE "complaint_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" uuid,
	"text" text,
	"is_on_time" boolean
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"dossier_id" uuid NOT NULL,
	"province_code" varchar(2) NOT NULL,
	"unit_code" varchar(5) NOT NULL,
	"agency_code" text NOT NULL,
	"citizen_id" uuid,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"content" text NOT NULL,
	"status" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"reject_by" timestamp with time zone NOT NULL,
	"request_info_by" timestamp with time zone NOT NULL,
	"handle_by" timestamp with time zone,
	"publish_by" timestamp with time zone,
	"handled_at" timestamp with time zone,
	"is_handled_on_time" boolean,
	"published_at" timestamp with time zone,
	"response" text,
	"handled_by" uuid,
	"is_satisfied" boolean,
	"rated_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "complaints_rating_once" CHECK (("complaints"."is_satisfied" IS NULL) = ("complaints"."rated_at" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "satisfaction_votes" (
	"dossier_id" uuid PRIMARY KEY NOT NULL,
	"citizen_id" uuid,
	"is_like" boolean NOT NULL,
	"reasons" jsonb NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"order_ref" text,
	"payment_id" uuid,
	"is_signature_valid" boolean NOT NULL,
	"outcome" text NOT NULL,
	"answer_code" varchar(2),
	"params" jsonb NOT NULL,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"order_ref" text NOT NULL,
	"merchant_code" text NOT NULL,
	"payer_citizen_id" uuid,
	"amount_vnd" bigint NOT NULL,
	"currency" varchar(3) DEFAULT 'VND' NOT NULL,
	"lines" jsonb NOT NULL,
	"order_info" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"channel" text DEFAULT 'online' NOT NULL,
	"counter_method" text,
	"received_by_officer_id" uuid,
	"gateway_response_code" varchar(2),
	"gateway_transaction_status" varchar(2),
	"gateway_transaction_no" text,
	"bank_code" text,
	"failure_reason" text,
	"settled_via" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"settled_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"raw_notifications" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_gateway_transactions" (
	"merchant_code" text NOT NULL,
	"txn_ref" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"order_info" text NOT NULL,
	"create_date" varchar(14) NOT NULL,
	"status" text NOT NULL,
	"response_code" varchar(2),
	"transaction_no" text,
	"bank_code" text,
	"pay_date" varchar(14),
	"ipn_result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sandbox_gateway_transactions_merchant_code_txn_ref_pk" PRIMARY KEY("merchant_code","txn_ref")
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
	"next_attempt_at" timestamp with time zone,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "admin_unit_links" ADD CONSTRAINT "admin_unit_links_predecessor_id_admin_units_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_unit_links" ADD CONSTRAINT "admin_unit_links_successor_id_admin_units_id_fk" FOREIGN KEY ("successor_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officer_role_assignments" ADD CONSTRAINT "officer_role_assignments_officer_id_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."officers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD CONSTRAINT "procedure_versions_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_helpers" ADD CONSTRAINT "community_helpers_created_by_officer_id_officers_id_fk" FOREIGN KEY ("created_by_officer_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_components" ADD CONSTRAINT "dossier_components_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_components" ADD CONSTRAINT "dossier_components_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_drafts" ADD CONSTRAINT "dossier_drafts_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_drafts" ADD CONSTRAINT "dossier_drafts_procedure_version_id_procedure_versions_id_fk" FOREIGN KEY ("procedure_version_id") REFERENCES "public"."procedure_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_events" ADD CONSTRAINT "dossier_events_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_procedure_version_id_procedure_versions_id_fk" FOREIGN KEY ("procedure_version_id") REFERENCES "public"."procedure_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_submitter_officer_id_officers_id_fk" FOREIGN KEY ("submitter_officer_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_helper_id_community_helpers_id_fk" FOREIGN KEY ("helper_id") REFERENCES "public"."community_helpers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_applicant_citizen_id_citizens_id_fk" FOREIGN KEY ("applicant_citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_assigned_officer_id_officers_id_fk" FOREIGN KEY ("assigned_officer_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_workflows" ADD CONSTRAINT "procedure_workflows_procedure_version_id_procedure_versions_id_fk" FOREIGN KEY ("procedure_version_id") REFERENCES "public"."procedure_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_workflows" ADD CONSTRAINT "procedure_workflows_updated_by_officers_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_document_events" ADD CONSTRAINT "issued_document_events_document_id_issued_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."issued_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_documents" ADD CONSTRAINT "issued_documents_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_documents" ADD CONSTRAINT "issued_documents_signer_certificate_id_signing_certificates_id_fk" FOREIGN KEY ("signer_certificate_id") REFERENCES "public"."signing_certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_consents" ADD CONSTRAINT "store_consents_store_document_id_store_documents_id_fk" FOREIGN KEY ("store_document_id") REFERENCES "public"."store_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_documents" ADD CONSTRAINT "store_documents_issued_document_id_issued_documents_id_fk" FOREIGN KEY ("issued_document_id") REFERENCES "public"."issued_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_documents" ADD CONSTRAINT "store_documents_source_dossier_id_dossiers_id_fk" FOREIGN KEY ("source_dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_handled_by_officers_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_votes" ADD CONSTRAINT "satisfaction_votes_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_votes" ADD CONSTRAINT "satisfaction_votes_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_notifications" ADD CONSTRAINT "payment_notifications_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_payer_citizen_id_citizens_id_fk" FOREIGN KEY ("payer_citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
CREATE INDEX "community_helpers_unit_idx" ON "community_helpers" USING btree ("unit_code","name");--> statement-breakpoint
CREATE INDEX "dossier_components_dossier_idx" ON "dossier_components" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_events_dossier_idx" ON "dossier_events" USING btree ("dossier_id","at");--> statement-breakpoint
CREATE INDEX "dossier_events_at_idx" ON "dossier_events" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_code_key" ON "dossiers" USING btree ("code");--> statement-breakpoint
CREATE INDEX "dossiers_code_pattern_idx" ON "dossiers" USING btree ("code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "dossiers_applicant_citizen_idx" ON "dossiers" USING btree ("applicant_citizen_id","submitted_at");--> statement-breakpoint
CREATE INDEX "dossiers_applicant_id_number_idx" ON "dossiers" USING btree ("applicant_id_number");--> statement-breakpoint
CREATE INDEX "dossiers_handling_status_idx" ON "dossiers" USING btree ("handling_agency_code","status","appointment_at","receiving_agency_code");--> statement-breakpoint
CREATE INDEX "dossiers_receiving_deadline_idx" ON "dossiers" USING btree ("receiving_agency_code","appointment_at","submitted_at","id");--> statement-breakpoint
CREATE INDEX "dossiers_handling_deadline_idx" ON "dossiers" USING btree ("handling_agency_code","appointment_at","submitted_at","id");--> statement-breakpoint
CREATE INDEX "dossiers_receiving_status_idx" ON "dossiers" USING btree ("receiving_agency_code","status","appointment_at");--> statement-breakpoint
CREATE INDEX "dossiers_unit_submitted_idx" ON "dossiers" USING btree ("unit_code","submitted_at");--> statement-breakpoint
CREATE INDEX "dossiers_province_status_idx" ON "dossiers" USING btree ("province_code","status","appointment_at");--> statement-breakpoint
CREATE INDEX "dossiers_open_receiving_idx" ON "dossiers" USING btree ("receiving_agency_code","appointment_at","submitted_at","id","status") WHERE "dossiers"."status" NOT IN (3, 7, 8, 10);--> statement-breakpoint
CREATE INDEX "dossiers_open_handling_idx" ON "dossiers" USING btree ("handling_agency_code","appointment_at","submitted_at","id","status","receiving_agency_code") WHERE "dossiers"."status" NOT IN (3, 7, 8, 10);--> statement-breakpoint
CREATE INDEX "dossiers_open_province_idx" ON "dossiers" USING btree ("province_code","appointment_at","submitted_at","id","status") WHERE "dossiers"."status" NOT IN (3, 7, 8, 10);--> statement-breakpoint
CREATE INDEX "dossiers_deadline_alert_idx" ON "dossiers" USING btree ("deadline_alert") WHERE "dossiers"."deadline_alert" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "issued_document_events_document_idx" ON "issued_document_events" USING btree ("document_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "issued_documents_sha256" ON "issued_documents" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "issued_documents_subject_id_idx" ON "issued_documents" USING btree ("subject_id_number");--> statement-breakpoint
CREATE INDEX "issued_documents_subject_tax_idx" ON "issued_documents" USING btree ("subject_tax_code");--> statement-breakpoint
CREATE INDEX "issued_documents_dossier_idx" ON "issued_documents" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "issued_documents_agency_idx" ON "issued_documents" USING btree ("agency_code","signed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "signing_certificates_fingerprint" ON "signing_certificates" USING btree ("fingerprint");--> statement-breakpoint
CREATE UNIQUE INDEX "signing_certificates_active" ON "signing_certificates" USING btree ("kind","agency_code") WHERE "signing_certificates"."retired_at" IS NULL AND ("signing_certificates"."kind" = 'agency' OR "signing_certificates"."source" = 'development');--> statement-breakpoint
CREATE UNIQUE INDEX "store_consents_active" ON "store_consents" USING btree ("store_document_id","agency_code") WHERE "store_consents"."revoked_at" IS NULL;--> statement-breakpoint
CREATE INDEX "store_documents_owner_id_idx" ON "store_documents" USING btree ("owner_id_number","document_type");--> statement-breakpoint
CREATE INDEX "store_documents_owner_tax_idx" ON "store_documents" USING btree ("owner_tax_code","document_type");--> statement-breakpoint
CREATE UNIQUE INDEX "store_documents_issued_key" ON "store_documents" USING btree ("issued_document_id");--> statement-breakpoint
CREATE INDEX "indicator_complaint_facts_dossier_idx" ON "indicator_complaint_facts" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "indicator_dossier_facts_dossier_idx" ON "indicator_dossier_facts" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "indicator_dossier_facts_received_idx" ON "indicator_dossier_facts" USING btree ("unit_id","received_on");--> statement-breakpoint
CREATE INDEX "indicator_dossier_facts_ended_idx" ON "indicator_dossier_facts" USING btree ("unit_id","ended_on");--> statement-breakpoint
CREATE INDEX "indicator_dossier_facts_overdue_idx" ON "indicator_dossier_facts" USING btree ("unit_id","overdue_from");--> statement-breakpoint
CREATE INDEX "indicator_rollup_daily_day_idx" ON "indicator_rollup_daily" USING btree ("province_code","day");--> statement-breakpoint
CREATE INDEX "calendar_days_year_idx" ON "calendar_days" USING btree ("province_code","year");--> statement-breakpoint
CREATE INDEX "complaint_events_complaint_idx" ON "complaint_events" USING btree ("complaint_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_code_key" ON "complaints" USING btree ("code");--> statement-breakpoint
CREATE INDEX "complaints_dossier_idx" ON "complaints" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "complaints_agency_status_idx" ON "complaints" USING btree ("agency_code","status","received_at");--> statement-breakpoint
CREATE INDEX "complaints_citizen_idx" ON "complaints" USING btree ("citizen_id","received_at");--> statement-breakpoint
CREATE INDEX "payment_notifications_order_idx" ON "payment_notifications" USING btree ("order_ref","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_order_ref_key" ON "payments" USING btree ("order_ref");--> statement-breakpoint
CREATE INDEX "payments_dossier_idx" ON "payments" USING btree ("dossier_id","created_at");--> statement-breakpoint
CREATE INDEX "payments_pending_idx" ON "payments" USING btree ("created_at") WHERE "payments"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "notifications_status_idx" ON "notifications" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "notifications_subject_idx" ON "notifications" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "notifications_due_idx" ON "notifications" USING btree ("next_attempt_at") WHERE "notifications"."status" <> 'sent';