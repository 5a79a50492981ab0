import "server-only";
// lib/kafka: the only place in Meshport that talks to Kafka. Import from "@/lib/kafka".

export { kafkaConfig, kafkaClientFor, kafkaBrokers, producer, closeKafka, type KafkaCredentials } from "./client";
export { KafkaUnavailableError, KafkaOperationError } from "./errors";
export {
  checkKafka,
  ensureTopic,
  describeTopic,
  newestMessageTimes,
  deleteTopic,
  type KafkaHealth,
  type TopicSpec,
  type EnsureTopicResult,
  type TopicDescription,
  type PartitionInfo,
} from "./topics";
export { topicDifferences, describeDifferences, type TopicDifference } from "./topic-diff";
export { applyAcls, removeAcls, listAcls, createAclBindings, deleteAclBindings, type AclListFilter } from "./acls";
export { readRecentMessages, type RecentMessage } from "./recent";
export { alignTopic, type AlignTopicResult } from "./topic-config";
export {
  aclBindingsFor,
  aclDiff,
  bindingKey,
  bindingsToRemove,
  desiredBindings,
  defaultConsumerGroupPrefix,
  principalUser,
  type AclSpec,
  type AclAccess,
  type AclBinding,
  type AclResourceType,
  type AclPatternType,
  type AclOperation,
  type AclPermission,
} from "./acl-spec";
export { readCluster, type ClusterRead, type TopicRead, type PartitionRead, type GroupRead, type GroupOffsetRead } from "./cluster-read";
