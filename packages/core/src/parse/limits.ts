// Fixed limits on hostile input. Documented in docs/limits.md; tested in tests/parse/hostile.test.ts.

export const PARSE_LIMITS = {
  /** Bytes of one source file. Larger files are refused before they are read into memory. */
  maxFileBytes: 32 * 1024 * 1024,
  /** Alias expansions in one document (billion-laughs guard). */
  maxAliasCount: 100,
  /** Nesting depth of one document; Kubernetes objects stay far below it. */
  maxDepth: 128,
  /** Documents in one file. */
  maxDocuments: 100_000,
} as const;
