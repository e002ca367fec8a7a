// Every domain XML the converter emits for the stage vectors is validated against libvirt's
// RelaxNG schema (../shared/libvirt-schemas/domain.rng, libvirt 9.0) with xmllint (WebAssembly
// build, nothing to install). Only the KubeVirt quirks listed by schemaQuirks are allowed: the two
// libvirt silently drops (empty sysinfo <bios>/<baseBoard>/<chassis>, `name` on a block disk's
// <source>) and a LUN disk on a filesystem PVC, which KubeVirt emits (three golden vectors) and
// libvirt refuses at define time. They are removed first; any other violation fails.
import { convertVmi, parseXml, schemaQuirks, serialiseXml, withoutSchemaQuirks } from '@l1vh/core';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { sharedPath } from '../support/shared.js';
import { selectionFor, stageVectors } from '../support/stage-vectors.js';

const schemaDir = sharedPath('libvirt-schemas');
const schemaFiles = readdirSync(schemaDir).filter((f) => f.endsWith('.rng')).map((f) => ({ fileName: f, contents: readFileSync(join(schemaDir, f), 'utf8') }));

async function violations(docs: { fileName: string; contents: string }[]) {
  const res = await validateXML({
    xml: docs,
    schema: schemaFiles.find((f) => f.fileName === 'domain.rng')!,
    preload: schemaFiles.filter((f) => f.fileName !== 'domain.rng'),
    extension: 'relaxng',
    maxMemoryPages: 16384,
  });
  return res.errors.map((e) => e.rawMessage);
}

const stripQuirks = (xml: string): string => serialiseXml(withoutSchemaQuirks(parseXml(xml)!));
const fileName = (id: string): string => `${id.replace(/[^\w.-]+/g, '_')}.xml`;

describe('emitted domain XML against libvirt\'s RelaxNG schema', () => {
  const vectors = stageVectors();
  const emitted = vectors
    .map((v) => ({ id: v.id, xml: convertVmi(v.vmi, selectionFor(v), v.profile).domainXml }))
    .filter((d): d is { id: string; xml: string } => d.xml !== null);

  it('is valid apart from the listed KubeVirt quirks', async () => {
    expect(emitted.length).toBeGreaterThan(400);
    const errs = await violations(emitted.map((d) => ({ fileName: fileName(d.id), contents: stripQuirks(d.xml) })));
    expect(errs.slice(0, 20)).toEqual([]);
  }, 120_000);

  it('lists the quirks KubeVirt itself emits, and KubeVirt\'s XML validates once they are removed', async () => {
    const golden = vectors.filter((v) => v.expected.domainXml);
    const kinds = new Set(golden.flatMap((v) => schemaQuirks(v.expected.domainXml).map((q) => q.kind)));
    expect([...kinds].sort()).toEqual(['block-source-name', 'empty-sysinfo-section', 'lun-on-file-source', 'max-memory-zero-slots']);
    const errs = await violations(golden.map((v) => ({ fileName: fileName(v.id), contents: stripQuirks(v.expected.domainXml) })));
    expect(errs.slice(0, 20)).toEqual([]);
  }, 120_000);

  it('rejects the quirks themselves and a domain type outside the schema (the check can fail)', async () => {
    const sample = vectors.find((v) => v.expected.domainXml.includes('<bios></bios>'))!.expected.domainXml;
    expect(await violations([{ fileName: 'raw.xml', contents: sample }])).not.toEqual([]);
    const mshv = stripQuirks(sample).replace('<domain type="kvm"', '<domain type="mshv"');
    expect(await violations([{ fileName: 'mshv.xml', contents: mshv }])).not.toEqual([]);
    const hyperv = stripQuirks(sample).replace('<domain type="kvm"', '<domain type="hyperv"');
    expect(await violations([{ fileName: 'hyperv.xml', contents: hyperv }])).toEqual([]);
  }, 60_000);
});
