-- DropIndex
DROP INDEX "Grant_teamId_status_idx";

-- CreateIndex
CREATE INDEX "Grant_teamId_status_kind_dataProductId_idx" ON "Grant"("teamId", "status", "kind", "dataProductId");
