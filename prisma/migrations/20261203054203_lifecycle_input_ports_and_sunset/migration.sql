
-- AlterTable
ALTER TABLE "DataProduct" ADD COLUMN     "deprecatedAt" TIMESTAMP(3),
ADD COLUMN     "retiredAt" TIMESTAMP(3),
ADD COLUMN     "successorProductId" TEXT,
ADD COLUMN     "sunsetAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "OutputPort" ADD COLUMN     "removedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "InputPort" (
    "dataProductId" TEXT NOT NULL,
    "upstreamProductId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InputPort_pkey" PRIMARY KEY ("dataProductId","upstreamProductId")
);

-- CreateIndex
CREATE INDEX "InputPort_upstreamProductId_idx" ON "InputPort"("upstreamProductId");

-- AddForeignKey
ALTER TABLE "DataProduct" ADD CONSTRAINT "DataProduct_successorProductId_fkey" FOREIGN KEY ("successorProductId") REFERENCES "DataProduct"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InputPort" ADD CONSTRAINT "InputPort_dataProductId_fkey" FOREIGN KEY ("dataProductId") REFERENCES "DataProduct"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InputPort" ADD CONSTRAINT "InputPort_upstreamProductId_fkey" FOREIGN KEY ("upstreamProductId") REFERENCES "DataProduct"("id") ON DELETE CASCADE ON UPDATE CASCADE;
