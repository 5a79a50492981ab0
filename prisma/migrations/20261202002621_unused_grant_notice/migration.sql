
-- CreateTable
CREATE TABLE "UnusedGrantNotice" (
    "grantId" TEXT NOT NULL,
    "flaggedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnusedGrantNotice_pkey" PRIMARY KEY ("grantId")
);
