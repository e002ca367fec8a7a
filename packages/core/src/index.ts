// Public API of @l1vh/core: re-exports only.

export type { Finding, Severity, SourceRange, InputCode } from './findings.js';
export type { ParsedDocument, ParseResult, SourceFile } from './parse/parse-source.js';
export { parseSource, createSourceFile } from './parse/parse-source.js';
export { LineIndex, type LinePos } from './parse/line-index.js';
export { PARSE_LIMITS } from './parse/limits.js';
export { readObjects, locate, type ManifestObject, type SourceRef } from './parse/read-objects.js';
export { isVmLike, VMI_TEMPLATE_PATH, manifestPathOfVmiField, type VmLikeKind } from './parse/vm-like.js';
export type { PathSegment, NodeSpan } from './parse/position-index.js';
export { loadObjects, loadProfile, builtinObjects, type SourceText, type LoadedObjects, type ProfileLoad } from './profile/load-profile.js';
export { buildProfile, lookupInstancetype, lookupPreference, nodeArchitecture, type ClusterProfile, type Sourced } from './profile/cluster-profile.js';
export { EMBEDDED_PROFILE_NAME, EMBEDDED_PROFILE_YAML } from './profile/embedded-profile.js';
export { resolveKubeVirtConfig, isGateEnabled, type KubeVirtConfig } from './profile/kubevirt-config.js';
export { VERSION_TRAITS, VERSION_KEYS, versionKeyOf, type VersionKey, type VersionTraits } from './profile/versions.js';
export { BACKENDS, HYPERVISOR_LABELS, FEATURE_GATES, DOMAIN_TYPE_OF, type BackendId, type DomainType, type HypervisorId } from './select/hypervisors.js';
export { selectHypervisor, type Selection, type NodeOutcome, type Semantics } from './select/select-hypervisor.js';
export type { TraceStep, FieldRef } from './select/trace.js';
export { explainAll, explainObject, PLACEHOLDER_VMI_UID, type ExplainItem, type ExplainOptions, type Explained, type DecisionStep } from './explain/explain.js';
export { positionOfField, positionOfObject, type SourcePosition } from './explain/resolve-position.js';
export type * from './api/kubevirt-types.js';
export type * from './api/k8s-types.js';
export { lintSources, type LintConfig, type LintOptions, type LintResult } from './lint/lint.js';
export { convertVmi, type ConvertOptions, type ConvertResult } from './convert/convert.js';
export { serialiseXml, escapeGo } from './xml/serialise.js';
export { el, textEl, type XmlElement } from './xml/element.js';
