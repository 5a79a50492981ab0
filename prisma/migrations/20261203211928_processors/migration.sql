
-- CreateTable
CREATE TABLE "Processor" (
    "applicationId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "principalId" TEXT NOT NULL,
    "outputTopics" TEXT[],
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Processor_pkey" PRIMARY KEY ("applicationId")
);

-- CreateIndex
CREATE INDEX "Processor_teamId_idx" ON "Processor"("teamId");

-- AddForeignKey
ALTER TABLE "Processor" ADD CONSTRAINT "Processor_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Processor" ADD CONSTRAINT "Processor_principalId_fkey" FOREIGN KEY ("principalId") REFERENCES "KafkaPrincipal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
