-- CreateEnum
CREATE TYPE "ConnectorKind" AS ENUM ('SOURCE', 'SINK');


-- CreateTable
CREATE TABLE "Connector" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "principalId" TEXT NOT NULL,
    "kind" "ConnectorKind" NOT NULL,
    "connectorClass" TEXT NOT NULL,
    "topics" TEXT[],
    "config" JSONB NOT NULL DEFAULT '{}',
    "secretFields" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "lastState" TEXT,
    "lastError" TEXT,
    "lastCheckedAt" TIMESTAMP(3),
    "failureNotifiedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Connector_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Connector_name_key" ON "Connector"("name");

-- CreateIndex
CREATE INDEX "Connector_teamId_idx" ON "Connector"("teamId");

-- AddForeignKey
ALTER TABLE "Connector" ADD CONSTRAINT "Connector_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Connector" ADD CONSTRAINT "Connector_principalId_fkey" FOREIGN KEY ("principalId") REFERENCES "KafkaPrincipal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
