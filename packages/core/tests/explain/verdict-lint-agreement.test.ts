// Explain's verdict and lint's error findings are one answer: a VM that will not run has an error
// finding from the rule that owns its verdict, and a VM that runs has no error finding at all.
// Checked on every golden case (generated groups on their clusters, admission vectors on a
// schedulable one-node KVM cluster), with lint run the way the CLI runs it (its own explain pass).
import { explainAll, lintSources, loadObjects, loadProfile, type ExplainItem, type Finding } from '@l1vh/core';
import { describe, expect, it } from 'vitest';
import { ADMISSION_CLUSTER_YAML, admissionVectors } from '../support/admission-vectors.js';
import { goldenGroups } from '../support/shared.js';

/** The rules that report each verdict other than runs. */
const VERDICT_RULES: Record<Exclude<ExplainItem['verdict'], 'runs'>, readonly string[]> = {
  rejected: ['admission-rejected', 'instancetype-conflict', 'unknown-instancetype', 'unknown-field', 'WRONG_TYPE'],
  unschedulable: ['no-launch', 'out-of-range'],
  'launch-fails': ['no-launch'],
};

/**
 * The one exception: a LUN disk on a file source. libvirt refuses to define that domain, and
 * lun-on-filesystem says so as an error, but the golden vectors (KubeVirt's converter, run without
 * libvirt) have KubeVirt produce its XML with no error, so its verdict stays `runs`. Allowed only
 * where the item itself carries the lun-on-file-source schema quirk.
 */
const LIBVIRT_ONLY_RULES = new Set(['lun-on-filesystem']);

/** The admission vectors' node, labelled schedulable as virt-handler labels a ready node. */
const SCHEDULABLE_ADMISSION_CLUSTER = ADMISSION_CLUSTER_YAML.replace('kubernetes.io/hostname: node-1}', 'kubernetes.io/hostname: node-1, kubevirt.io/schedulable: "true"}');

interface Disagreement {
  file: string;
  verdict: string;
  errors: string[];
}

function disagreements(sources: { path: string; text: string }[], clusterYaml: string): { checked: number; verdicts: Record<string, number>; bad: Disagreement[]; items: ExplainItem[] } {
  const loaded = loadObjects(sources);
  const { profile } = loadProfile([{ path: 'cluster.yaml', text: clusterYaml }], loaded.objects);
  const items = explainAll(loaded.objects, profile).map((e) => e.item);
  const lint = lintSources(sources, profile);
  // Rule findings name their object; a value Go cannot decode is an input finding (WRONG_TYPE) in its file.
  const errorsOf = (it: ExplainItem): Finding[] =>
    lint.findings.filter(
      (f) =>
        f.severity === 'error' &&
        ((f.subject?.file === it.source.file && f.subject.line === it.source.line && f.subject.col === it.source.col) ||
          (it.admissionStage === 'decode' && f.code === 'WRONG_TYPE' && f.range?.file === it.source.file)),
    );
  const bad: Disagreement[] = [];
  const verdicts: Record<string, number> = {};
  for (const it of items) {
    verdicts[it.verdict] = (verdicts[it.verdict] ?? 0) + 1;
    const errors = errorsOf(it);
    const lunOnFile = it.schemaQuirks.some((q) => q.kind === 'lun-on-file-source');
    const ok = it.verdict === 'runs' ? errors.every((f) => lunOnFile && LIBVIRT_ONLY_RULES.has(f.ruleId ?? '')) : errors.some((f) => VERDICT_RULES[it.verdict as Exclude<ExplainItem['verdict'], 'runs'>].includes(f.ruleId ?? f.code));
    if (!ok) bad.push({ file: it.source.file, verdict: it.verdict, errors: errors.map((f) => `${f.ruleId}: ${f.message}`) });
  }
  return { checked: items.length, verdicts, bad, items };
}

describe('explain verdict and lint error findings agree', () => {
  const groups = goldenGroups();
  it.each(groups.map((g) => [g.name, g] as const))('generated group %s', (_name, g) => {
    const r = disagreements(
      g.cases.map((c) => ({ path: c.file, text: c.text })),
      g.clusterText,
    );
    expect(r.checked).toBe(g.cases.length);
    expect(r.bad).toEqual([]);
  });

  it('admission vectors', () => {
    const vectors = admissionVectors();
    expect(vectors.length).toBeGreaterThan(0);
    const r = disagreements(
      vectors.map((v) => ({ path: v.file, text: v.text })),
      SCHEDULABLE_ADMISSION_CLUSTER,
    );
    expect(r.checked).toBe(vectors.length);
    expect(r.bad).toEqual([]);
  });
});
