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
ALTER TABLE "admin_unit_links" ADD CONSTRAINT "admin_unit_links_predecessor_id_admin_units_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_unit_links" ADD CONSTRAINT "admin_unit_links_successor_id_admin_units_id_fk" FOREIGN KEY ("successor_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officer_role_assignments" ADD CONSTRAINT "officer_role_assignments_officer_id_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."officers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD CONSTRAINT "procedure_versions_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
CREATE INDEX "procedure_versions_current_idx" ON "procedure_versions" USING btree ("is_current","level","sector");