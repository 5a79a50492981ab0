-- CreateEnum
CREATE TYPE "ApprovalStep" AS ENUM ('OWNER', 'DATA_PROTECTION');

-- CreateEnum
CREATE TYPE "AclDriftKind" AS ENUM ('MISSING_RESTORED', 'ORPHAN_REMOVED', 'UNMANAGED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AccessRequestStatus" ADD VALUE 'ACTIVE';
ALTER TYPE "AccessRequestStatus" ADD VALUE 'EXPIRED';
ALTER TYPE "AccessRequestStatus" ADD VALUE 'REVOKED';

-- AlterTable
ALTER TABLE "AccessRequest" ADD COLUMN     "renewalOfId" TEXT,
ADD COLUMN     "requiresDataProtection" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "DataProduct" ADD COLUMN     "consumerCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "searchVector" tsvector;

-- AlterTable
ALTER TABLE "Grant" ADD COLUMN     "endReason" TEXT,
ADD COLUMN     "endedAt" TIMESTAMP(3),
ADD COLUMN     "endedById" TEXT,
ADD COLUMN     "expiryNoticeSentAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "DomainOwner" (
    "domainId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DomainOwner_pkey" PRIMARY KEY ("domainId","userId")
);

-- CreateTable
CREATE TABLE "AccessApproval" (
    "id" TEXT NOT NULL,
    "accessRequestId" TEXT NOT NULL,
    "step" "ApprovalStep" NOT NULL,
    "approverId" TEXT NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccessApproval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessRequestComment" (
    "id" TEXT NOT NULL,
    "accessRequestId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccessRequestComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "href" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AclDrift" (
    "id" TEXT NOT NULL,
    "kind" "AclDriftKind" NOT NULL,
    "principal" TEXT NOT NULL,
    "resourceType" TEXT NOT NULL,
    "resourceName" TEXT NOT NULL,
    "patternType" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "grantId" TEXT,
    "detail" TEXT,
    "detectedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AclDrift_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DomainOwner_userId_idx" ON "DomainOwner"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "AccessApproval_accessRequestId_step_key" ON "AccessApproval"("accessRequestId", "step");

-- CreateIndex
CREATE INDEX "AccessRequestComment_accessRequestId_createdAt_idx" ON "AccessRequestComment"("accessRequestId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "AclDrift_kind_detectedAt_idx" ON "AclDrift"("kind", "detectedAt");

-- CreateIndex
CREATE INDEX "AclDrift_principal_idx" ON "AclDrift"("principal");

-- CreateIndex
CREATE INDEX "DataProduct_searchVector_idx" ON "DataProduct" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "DataProduct_searchText_idx" ON "DataProduct" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Grant_status_validUntil_idx" ON "Grant"("status", "validUntil");

-- AddForeignKey
ALTER TABLE "DomainOwner" ADD CONSTRAINT "DomainOwner_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DomainOwner" ADD CONSTRAINT "DomainOwner_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_renewalOfId_fkey" FOREIGN KEY ("renewalOfId") REFERENCES "AccessRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessApproval" ADD CONSTRAINT "AccessApproval_accessRequestId_fkey" FOREIGN KEY ("accessRequestId") REFERENCES "AccessRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessApproval" ADD CONSTRAINT "AccessApproval_approverId_fkey" FOREIGN KEY ("approverId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequestComment" ADD CONSTRAINT "AccessRequestComment_accessRequestId_fkey" FOREIGN KEY ("accessRequestId") REFERENCES "AccessRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequestComment" ADD CONSTRAINT "AccessRequestComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
