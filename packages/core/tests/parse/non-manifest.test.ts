import { describe, expect, it } from 'vitest';
import { TOOL_FILES, toolFileKind } from '../../src/parse/non-manifest.js';

// Paths of real tool files, at least one per TOOL_FILES pattern: toolFileKind's word pre-check
// must never hide one of them.
const TOOL_PATHS = [
  'docker-compose.yml', 'svc/compose.prod.yaml', 'Compose.YAML', 'mkdocs.yml', 'docs/mkdocs.insiders.yaml',
  'charts/web/Chart.yaml', 'charts/web/values.yaml', 'values-prod.yml', '.github/workflows/ci.yml',
  '.github/actions/setup/action.yml', 'action.yaml', '.github/dependabot.yml', '.github/ISSUE_TEMPLATE/bug.yml',
  '.gitlab-ci.yml', 'azure-pipelines.yml', '.travis.yml', 'appveyor.yml', '.drone.yml', 'bitbucket-pipelines.yml',
  'cloudbuild.yaml', '.circleci/config.yml', '.pre-commit-config.yaml', '.pre-commit-hooks.yaml', '.golangci.yml',
  'codecov.yml', '.goreleaser.yaml', '.readthedocs.yaml', '.yamllint.yaml', 'Taskfile.yml', '.markdownlint.yaml',
  'netlify.yml', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', '.spectral.yaml', 'buf.gen.yaml', 'buf.work.yaml',
  'renovate.yaml', 'overlays/prod/Kustomization.yaml', 'C:\\repo\\.github\\workflows\\ci.yml',
];

describe('toolFileKind', () => {
  it('recognises an example of every tool-file pattern', () => {
    for (const p of TOOL_PATHS) expect(toolFileKind(p), p).toBeDefined();
    const covered = new Set(TOOL_PATHS.map((p) => TOOL_FILES.findIndex((t) => t.path.test(p.replace(/\\/g, '/')))));
    expect([...covered].sort((a, b) => a - b)).toEqual(TOOL_FILES.map((_, i) => i));
  });

  it('names the tool', () => {
    expect(toolFileKind('repo/docker-compose.yml')).toBe('a Docker Compose file');
    expect(toolFileKind('chart/Chart.yaml')).toBe("a Helm chart's Chart.yaml");
    expect(toolFileKind('k/kustomization.yml')).toMatch(/^a Kustomize kustomization/);
  });

  it('leaves manifests alone, including ones whose names contain a tool word', () => {
    for (const p of ['vm.yaml', 'fleet/web-01.yml', 'vms/values-store-vm.json', 'actions/vm.yaml', 'charts/vm.yaml', 'buffer-vm.yaml']) {
      expect(toolFileKind(p), p).toBeUndefined();
    }
  });
});
