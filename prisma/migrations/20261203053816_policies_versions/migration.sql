
-- CreateTable
CREATE TABLE "PolicyVersion" (
    "number" INTEGER NOT NULL,
    "policies" JSONB NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    "actorLabel" TEXT NOT NULL,

    CONSTRAINT "PolicyVersion_pkey" PRIMARY KEY ("number")
);

-- CreateIndex
CREATE INDEX "PolicyVersion_createdAt_idx" ON "PolicyVersion"("createdAt");

-- Version 1 is the set in force when versioning began: the code defaults of this release
-- (lib/governance/policies.ts defaultPolicies) overlaid with what admins had stored, attributed to
-- whoever changed a policy last. A stored value the schema no longer accepts is read back as the
-- app reads Policy rows: the whole set falls back to the defaults (lib/governance/load-policies.ts).
INSERT INTO "PolicyVersion" ("number", "policies", "source", "createdAt", "createdById", "actorLabel")
SELECT
  1,
  '{"maxPartitions":48,"maxReplicationFactor":3,"minRetentionHours":1,"maxRetentionHours":2160,"maxAccessDays":365,"unusedGrantDays":14,"piiMinClassification":"CONFIDENTIAL","requiredTagsAnyOf":[],"minSchemaCompatibility":"BACKWARD"}'::jsonb
    || COALESCE((SELECT jsonb_object_agg("key", "value") FROM "Policy"), '{}'::jsonb),
  'migration',
  COALESCE((SELECT max("updatedAt") FROM "Policy"), CURRENT_TIMESTAMP),
  (SELECT p."updatedById" FROM "Policy" p ORDER BY p."updatedAt" DESC LIMIT 1),
  COALESCE(
    (SELECT u."name" FROM "Policy" p JOIN "User" u ON u."id" = p."updatedById" ORDER BY p."updatedAt" DESC LIMIT 1),
    'before versioning'
  );
