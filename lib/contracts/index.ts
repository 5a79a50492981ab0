import "server-only";

// lib/contracts: schemas and their versions (parsing, semantic diff, compatibility reasons), publishing
// through the Schema Registry, new major versions, and registry drift.
export { previewSchemaVersion, publishSchemaVersion, type VersionPreview } from "./publish";
export { setPortCompatibility } from "./set-compatibility";
export { startMajorVersion, nextMajorTopic } from "./major-version";
export { findSubjectDrift, type SubjectDrift } from "./registry-drift";
export { getPortVersions, getPublishContext, getConformance } from "./queries";
export { getSampleData, type SampleData } from "./samples";
export { checkSubjectFree } from "./subject-check";
export { syncPortSchemas, registrySchemaOf } from "./registry-sync";
export { checkPortConformance, checkAllConformance, decodeMessages, SAMPLE_SIZE } from "./conformance";
export { CONFORMANCE_CRON } from "./jobs";
export { setPortContract, portContractSchema, type PortContractInput } from "./set-contract";
export { setProductContract, getContract, type ContractView } from "./product-contract";
