
-- AlterTable
ALTER TABLE "PolicyVersion" ADD COLUMN     "changes" JSONB NOT NULL DEFAULT '[]';
