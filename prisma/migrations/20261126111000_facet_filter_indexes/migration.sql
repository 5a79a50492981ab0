-- CreateIndex
CREATE INDEX "DataProduct_classification_idx" ON "DataProduct"("classification");

-- CreateIndex
CREATE INDEX "DataProduct_lifecycle_idx" ON "DataProduct"("lifecycle");
