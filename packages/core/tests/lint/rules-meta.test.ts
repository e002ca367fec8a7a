// Every registered rule has a test table (tests/lint/<id>.test.ts) and a doc (docs/rules/<id>.md)
// with the sections users rely on; every messageId is documented by id.
import { RULES, RULE_IDS, type Rule } from '@l1vh/core';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/shared.js';

describe.each(RULE_IDS)('rule %s', (id) => {
  const rule = RULES[id] as Rule;
  it('is registered under its own id, kebab-case, in a file of that name', () => {
    expect(rule.id).toBe(id);
    expect(id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
    expect(existsSync(join(REPO_ROOT, 'packages/core/src/lint/rules', `${id}.ts`))).toBe(true);
  });
  it('has a test table', () => {
    const test = join(REPO_ROOT, 'packages/core/tests/lint', `${id}.test.ts`);
    expect(existsSync(test)).toBe(true);
    expect(readFileSync(test, 'utf8')).toContain(`runRuleTests('${id}'`);
  });
  it('has a doc with what, why, fix, suppress and troubleshooting sections naming every message', () => {
    const doc = join(REPO_ROOT, 'docs/rules', `${id}.md`);
    expect(existsSync(doc)).toBe(true);
    const text = readFileSync(doc, 'utf8');
    expect(text.startsWith(`# ${id}`)).toBe(true);
    for (const section of ['## What it checks', '## Why', '## How to fix', '## How to suppress', '## Troubleshooting']) expect(text).toContain(section);
    for (const messageId of Object.keys(rule.meta.messages)) expect(text).toContain(`\`${messageId}\``);
    expect(text).toContain(`l1vh-disable-next-line ${id}`);
  });
});
