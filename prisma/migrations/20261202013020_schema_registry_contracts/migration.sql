-- CreateEnum
CREATE TYPE "CompatibilityMode" AS ENUM ('BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE', 'NONE');

-- CreateEnum
CREATE TYPE "SchemaPart" AS ENUM ('VALUE', 'KEY');

-- AlterEnum
ALTER TYPE "SchemaFormat" ADD VALUE 'PROTOBUF';


-- DropIndex
DROP INDEX "SchemaVersion_outputPortId_version_key";

-- AlterTable
ALTER TABLE "OutputPort" ADD COLUMN     "compatibility" "CompatibilityMode" NOT NULL DEFAULT 'BACKWARD',
ADD COLUMN     "deprecatedAt" TIMESTAMP(3),
ADD COLUMN     "personalDataFields" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "qualityRules" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "successorPortId" TEXT,
ADD COLUMN     "sunsetAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "SchemaVersion" ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "part" "SchemaPart" NOT NULL DEFAULT 'VALUE',
ADD COLUMN     "registryId" INTEGER,
ADD COLUMN     "registryVersion" INTEGER;

-- CreateTable
CREATE TABLE "ConformanceRun" (
    "id" TEXT NOT NULL,
    "outputPortId" TEXT NOT NULL,
    "sampled" INTEGER NOT NULL,
    "passed" INTEGER NOT NULL,
    "failures" JSONB NOT NULL DEFAULT '[]',
    "durationMs" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConformanceRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConformanceRun_outputPortId_at_idx" ON "ConformanceRun"("outputPortId", "at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "OutputPort_successorPortId_key" ON "OutputPort"("successorPortId");

-- CreateIndex
CREATE UNIQUE INDEX "SchemaVersion_outputPortId_part_version_key" ON "SchemaVersion"("outputPortId", "part", "version");

-- AddForeignKey
ALTER TABLE "OutputPort" ADD CONSTRAINT "OutputPort_successorPortId_fkey" FOREIGN KEY ("successorPortId") REFERENCES "OutputPort"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConformanceRun" ADD CONSTRAINT "ConformanceRun_outputPortId_fkey" FOREIGN KEY ("outputPortId") REFERENCES "OutputPort"("id") ON DELETE CASCADE ON UPDATE CASCADE;
