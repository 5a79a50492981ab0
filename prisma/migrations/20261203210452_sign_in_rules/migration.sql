-- CreateEnum
CREATE TYPE "PlatformRole" AS ENUM ('PLATFORM_ADMIN', 'DATA_PROTECTION');

-- CreateEnum
CREATE TYPE "MembershipSource" AS ENUM ('MANUAL', 'PROVIDER');

-- CreateEnum
CREATE TYPE "SignInGrant" AS ENUM ('TEAM_MEMBER', 'TEAM_MAINTAINER', 'PLATFORM_ADMIN', 'DATA_PROTECTION');


-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "source" "MembershipSource" NOT NULL DEFAULT 'MANUAL';

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "idToken" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "providerRoles" "PlatformRole"[] DEFAULT ARRAY[]::"PlatformRole"[];

-- CreateTable
CREATE TABLE "SignInRule" (
    "id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "group" TEXT NOT NULL,
    "grant" "SignInGrant" NOT NULL,
    "teamId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInRule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SignInRule_position_idx" ON "SignInRule"("position");

-- CreateIndex
CREATE UNIQUE INDEX "SignInRule_group_grant_teamId_key" ON "SignInRule"("group", "grant", "teamId");

-- AddForeignKey
ALTER TABLE "SignInRule" ADD CONSTRAINT "SignInRule_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
