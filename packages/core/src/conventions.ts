// Preview conventions shared with the golden vectors (../shared/golden/README.md): what l1vh
// assumes where only a running cluster would know.

/** The VMI UID when the real one is assigned at creation (every VM manifest); used in socket paths. */
export const PLACEHOLDER_VMI_UID = '00000000-0000-0000-0000-000000000000';
