import "server-only";

// The only module that talks to the Schema Registry (Confluent REST API).
export { RegistryError, RegistryUnavailableError } from "./errors";
export {
  subjectFor,
  registerSchema,
  findSchemaVersion,
  setCompatibility,
  getCompatibility,
  testCompatibility,
  listSubjects,
  listVersions,
  getVersion,
  getSchemaById,
  deleteSubject,
  checkRegistry,
  type RegistrySchema,
  type RegisteredVersion,
} from "./subjects";
export { registryUrl } from "./http";
export { COMPATIBILITY_MODES, type CompatibilityMode, type RegistrySchemaType } from "./types";
