// Files in a repository that are YAML but not Kubernetes manifests: tool configuration known by its
// name (Compose, MkDocs, Helm's Chart.yaml/values.yaml, CI pipelines, …), Helm/Go templates (not
// YAML until rendered), and YAML whose documents have no top-level apiVersion or kind. Each is
// skipped with one info instead of MISSING_KIND or a misleading YAML syntax error.

/** Tool files by path (forward slashes; matched at the end of the path). */
export const TOOL_FILES: readonly { path: RegExp; what: string }[] = [
  { path: /(?:^|\/)(?:docker-)?compose(?:[.-][\w.-]+)?\.ya?ml$/i, what: 'a Docker Compose file' },
  { path: /(?:^|\/)mkdocs(?:\.[\w-]+)?\.ya?ml$/i, what: 'an MkDocs configuration' },
  { path: /(?:^|\/)Chart\.ya?ml$/, what: "a Helm chart's Chart.yaml" },
  { path: /(?:^|\/)values(?:[.-][\w.-]+)?\.ya?ml$/, what: 'Helm values' },
  { path: /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/, what: 'a GitHub Actions workflow' },
  { path: /(?:^|\/)\.github\/(?:actions\/.*\/)?action\.ya?ml$|(?:^|\/)action\.ya?ml$/, what: 'a GitHub Action definition' },
  { path: /(?:^|\/)\.github\/(?:dependabot|FUNDING|labeler|release|release-drafter|stale|CODEOWNERS)\.ya?ml$|(?:^|\/)\.github\/ISSUE_TEMPLATE\//, what: 'GitHub repository configuration' },
  { path: /(?:^|\/)\.gitlab-ci\.ya?ml$/, what: 'a GitLab CI pipeline' },
  { path: /(?:^|\/)(?:azure-pipelines|\.travis|appveyor|\.drone|bitbucket-pipelines|cloudbuild|\.circleci\/config)\.ya?ml$/, what: 'a CI pipeline' },
  { path: /(?:^|\/)\.pre-commit-(?:config|hooks)\.ya?ml$/, what: 'a pre-commit configuration' },
  { path: /(?:^|\/)(?:\.golangci|codecov|\.codecov|\.goreleaser|\.readthedocs|\.yamllint|Taskfile|\.markdownlint|netlify|pnpm-lock|pnpm-workspace|\.spectral|buf(?:\.gen|\.work)?|renovate)\.ya?ml$/, what: 'tool configuration' },
  { path: /(?:^|\/)kustomization\.ya?ml$/i, what: 'a Kustomize kustomization (render it with kubectl kustomize, then lint the output)' },
];

/**
 * Every path a TOOL_FILES pattern matches contains one of these words, lower-cased (the test
 * checks an example of each pattern). A path with none of them skips the patterns: V8 compiles
 * each one on its first two uses, ~1.5 ms of every cold start for these thirteen.
 */
const TOOL_WORDS: readonly string[] = ['compose', 'mkdocs', 'chart', 'values', '.github/', 'action', 'gitlab-ci', 'pipelines', 'travis', 'appveyor', 'drone', 'cloudbuild', 'circleci', 'pre-commit', 'golangci', 'codecov', 'goreleaser', 'readthedocs', 'yamllint', 'taskfile', 'markdownlint', 'netlify', 'pnpm-', 'spectral', 'buf', 'renovate', 'kustomization'];

export function toolFileKind(path: string): string | undefined {
  const p = path.replace(/\\/g, '/');
  const lower = p.toLowerCase();
  if (!TOOL_WORDS.some((w) => lower.includes(w))) return undefined;
  return TOOL_FILES.find((t) => t.path.test(p))?.what;
}

/** A Go template action as Helm writes it: `{{`, optional trim marker, then a pipeline that starts
 * with a field, variable, comment or a template keyword/function. Jinja's `{{ name }}` (cloud-init)
 * does not match; neither does anything inside a YAML block scalar (`|`, `>`). */
const GO_ACTION = /\{\{-?\s*(?:[.$]|\/\*|(?:if|else|end|range|with|define|template|block|include|toYaml|toJson|tpl|printf|required|default|quote|nindent|indent|lookup|fail|list|dict)\b)/;
const BLOCK_SCALAR_START = /(?:^|[:\-?]\s+|^-)[|>][-+0-9]*\s*(?:#.*)?$/;

/** Offset of the first Go template action outside block scalars, or -1. */
export function goTemplateOffset(text: string): number {
  if (!text.includes('{{')) return -1;
  let blockIndent = -1;
  let offset = 0;
  for (const line of text.split('\n')) {
    const here = offset;
    offset += line.length + 1;
    const content = line.trimStart();
    const indent = line.length - content.length;
    if (blockIndent >= 0) {
      if (content.trim() === '' || indent > blockIndent) continue;
      blockIndent = -1;
    }
    if (content.startsWith('#')) continue;
    const m = GO_ACTION.exec(line);
    if (m) return here + m.index;
    if (BLOCK_SCALAR_START.test(content.trimEnd())) blockIndent = indent;
  }
  return -1;
}

/** Whether any document of a file looks like a Kubernetes object (a mapping with apiVersion or kind). */
export function hasKubernetesDocument(values: readonly unknown[]): boolean {
  return values.some((v) => typeof v === 'object' && v !== null && !Array.isArray(v) && ('apiVersion' in v || 'kind' in v));
}
