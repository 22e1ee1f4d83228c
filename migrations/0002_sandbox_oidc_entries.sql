CREATE TABLE "sandbox_oidc_entries" (
	"model" text NOT NULL,
	"id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"uid" text,
	"user_code" text,
	"grant_id" text,
	"expires_at" timestamp with time zone,
	CONSTRAINT "sandbox_oidc_entries_model_id_pk" PRIMARY KEY("model","id")
);
--> statement-breakpoint
CREATE INDEX "sandbox_oidc_entries_uid_idx" ON "sandbox_oidc_entries" USING btree ("model","uid");--> statement-breakpoint
CREATE INDEX "sandbox_oidc_entries_grant_idx" ON "sandbox_oidc_entries" USING btree ("grant_id");