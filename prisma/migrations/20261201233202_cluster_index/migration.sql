
-- CreateTable
CREATE TABLE "ClusterIndexState" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "leaseHolder" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "refreshStartedAt" TIMESTAMP(3),
    "lastRefreshedAt" TIMESTAMP(3),
    "lastDurationMs" INTEGER,
    "failingSince" TIMESTAMP(3),
    "lastError" TEXT,
    "refreshes" INTEGER NOT NULL DEFAULT 0,
    "rolledUpTo" TIMESTAMP(3),
    "topics" INTEGER NOT NULL DEFAULT 0,
    "partitions" INTEGER NOT NULL DEFAULT 0,
    "groups" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ClusterIndexState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndexedTopic" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "partitions" INTEGER NOT NULL,
    "startOffsetSum" BIGINT NOT NULL,
    "endOffsetSum" BIGINT NOT NULL,
    "produceRate" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "lastMessageAt" TIMESTAMP(3),
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "histAt" TIMESTAMP(3),
    "histEnd" BIGINT,

    CONSTRAINT "IndexedTopic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndexedPartition" (
    "topicId" INTEGER NOT NULL,
    "partition" INTEGER NOT NULL,
    "leader" INTEGER NOT NULL,
    "startOffset" BIGINT NOT NULL,
    "endOffset" BIGINT NOT NULL,
    "pointTimes" BIGINT[],
    "pointOffsets" BIGINT[],

    CONSTRAINT "IndexedPartition_pkey" PRIMARY KEY ("topicId","partition")
);

-- CreateTable
CREATE TABLE "IndexedGroup" (
    "id" SERIAL NOT NULL,
    "groupId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "protocolType" TEXT NOT NULL,
    "members" INTEGER NOT NULL,
    "teamId" TEXT,
    "principal" TEXT,

    CONSTRAINT "IndexedGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndexedGroupTopic" (
    "id" SERIAL NOT NULL,
    "groupId" INTEGER NOT NULL,
    "topicId" INTEGER NOT NULL,
    "committedSum" BIGINT NOT NULL,
    "lag" BIGINT NOT NULL,
    "worstPartition" INTEGER NOT NULL,
    "worstPartitionLag" BIGINT NOT NULL,
    "consumeRate" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "timeLagSeconds" INTEGER NOT NULL,
    "lastCommitAt" TIMESTAMP(3),
    "histAt" TIMESTAMP(3),
    "histLag" BIGINT,

    CONSTRAINT "IndexedGroupTopic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndexedGroupPartition" (
    "groupTopicId" INTEGER NOT NULL,
    "partition" INTEGER NOT NULL,
    "committed" BIGINT NOT NULL,
    "lag" BIGINT NOT NULL,

    CONSTRAINT "IndexedGroupPartition_pkey" PRIMARY KEY ("groupTopicId","partition")
);

-- CreateTable
CREATE TABLE "ConsumerActivity" (
    "groupId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "principal" TEXT,
    "lastActiveAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConsumerActivity_pkey" PRIMARY KEY ("groupId","topic")
);

-- CreateTable
CREATE TABLE "TopicPoint" (
    "topicId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "endOffset" BIGINT NOT NULL,

    CONSTRAINT "TopicPoint_pkey" PRIMARY KEY ("topicId","at")
);

-- CreateTable
CREATE TABLE "TopicPoint15" (
    "topicId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "endOffset" BIGINT NOT NULL,

    CONSTRAINT "TopicPoint15_pkey" PRIMARY KEY ("topicId","at")
);

-- CreateTable
CREATE TABLE "GroupTopicPoint" (
    "groupTopicId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "lag" BIGINT NOT NULL,
    "committed" BIGINT NOT NULL,
    "timeLagSeconds" INTEGER NOT NULL,

    CONSTRAINT "GroupTopicPoint_pkey" PRIMARY KEY ("groupTopicId","at")
);

-- CreateTable
CREATE TABLE "GroupTopicPoint15" (
    "groupTopicId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "lag" BIGINT NOT NULL,
    "committed" BIGINT NOT NULL,
    "timeLagSeconds" INTEGER NOT NULL,

    CONSTRAINT "GroupTopicPoint15_pkey" PRIMARY KEY ("groupTopicId","at")
);

-- CreateIndex
CREATE UNIQUE INDEX "IndexedTopic_name_key" ON "IndexedTopic"("name");

-- CreateIndex
CREATE UNIQUE INDEX "IndexedGroup_groupId_key" ON "IndexedGroup"("groupId");

-- CreateIndex
CREATE INDEX "IndexedGroup_teamId_idx" ON "IndexedGroup"("teamId");

-- CreateIndex
CREATE INDEX "IndexedGroupTopic_topicId_idx" ON "IndexedGroupTopic"("topicId");

-- CreateIndex
CREATE UNIQUE INDEX "IndexedGroupTopic_groupId_topicId_key" ON "IndexedGroupTopic"("groupId", "topicId");

-- CreateIndex
CREATE INDEX "ConsumerActivity_topic_principal_idx" ON "ConsumerActivity"("topic", "principal");
