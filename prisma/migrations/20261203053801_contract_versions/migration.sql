
-- AlterTable
ALTER TABLE "DataProduct" ADD COLUMN     "availabilityPercent" DOUBLE PRECISION,
ADD COLUMN     "retentionObjectiveHours" INTEGER,
ADD COLUMN     "supportChannel" TEXT,
ADD COLUMN     "termsOfUse" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "ContractVersion" (
    "id" TEXT NOT NULL,
    "dataProductId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContractVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ContractVersion_dataProductId_version_key" ON "ContractVersion"("dataProductId", "version");

-- AddForeignKey
ALTER TABLE "ContractVersion" ADD CONSTRAINT "ContractVersion_dataProductId_fkey" FOREIGN KEY ("dataProductId") REFERENCES "DataProduct"("id") ON DELETE CASCADE ON UPDATE CASCADE;
