import "server-only";
// lib/kafka: the only place in Meshport that talks to Kafka. Import from "@/lib/kafka".

export { kafkaConfig, kafkaClientFor, kafkaBrokers, producer, closeKafka, type KafkaCredentials } from "./client";
export { KafkaUnavailableError, KafkaOperationError } from "./errors";
export {
  checkKafka,
  ensureTopic,
  describeTopic,
  deleteTopic,
  type KafkaHealth,
  type TopicSpec,
  type EnsureTopicResult,
  type TopicDescription,
  type PartitionInfo,
} from "./topics";
export { applyAcls, removeAcls, listAcls, deleteAclBindings, type AclListFilter } from "./acls";
export {
  aclBindingsFor,
  bindingsToRemove,
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
