-- CreateIndex
CREATE INDEX "Grant_dataProductId_kind_status_idx" ON "Grant"("dataProductId", "kind", "status");
