
-- CreateTable
CREATE TABLE "TeamTopicPrefix" (
    "prefix" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamTopicPrefix_pkey" PRIMARY KEY ("prefix")
);

-- CreateIndex
CREATE INDEX "TeamTopicPrefix_teamId_idx" ON "TeamTopicPrefix"("teamId");

-- AddForeignKey
ALTER TABLE "TeamTopicPrefix" ADD CONSTRAINT "TeamTopicPrefix_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
