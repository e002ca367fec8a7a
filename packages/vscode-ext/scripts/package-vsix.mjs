// Packages dist/extension.js into l1vh-vscode.vsix with vsce. vsce cannot read pnpm's `catalog:`
// and `workspace:` versions, and the bundle needs no node_modules, so it runs on a staging copy
// whose package.json has no dependency lists.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const stage = mkdtempSync(join(tmpdir(), 'l1vh-vsix-'));
const out = resolve(root, process.argv[2] ?? 'l1vh-vscode.vsix');
mkdirSync(join(stage, 'dist'), { recursive: true });
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
delete pkg.dependencies;
delete pkg.devDependencies;
delete pkg.scripts;
writeFileSync(join(stage, 'package.json'), JSON.stringify(pkg, null, 2));
copyFileSync(join(root, 'dist/extension.js'), join(stage, 'dist/extension.js'));
copyFileSync(join(root, 'LICENSE'), join(stage, 'LICENSE'));
const readme = resolve(root, '../../docs/vscode.md');
// relative screenshots would be broken links inside the .vsix (vsce refuses them without a repository)
// and so would relative links: they become plain text (absolute http(s) links stay).
const readmeText = existsSync(readme)
  ? readFileSync(readme, 'utf8')
      .replace(/^[ \t]*!\[[^\]]*\]\([^)]*\)\n\n?/gm, '')
      .replace(/\[([^\]]*)\]\((?!https?:)[^)]*\)/g, '$1')
  : '# l1vh for VS Code\n';
writeFileSync(join(stage, 'README.md'), readmeText);
writeFileSync(join(stage, '.vscodeignore'), '**/*.map\n');
const vsce = join(root, 'node_modules/@vscode/vsce/vsce');
execFileSync(process.execPath, [existsSync(vsce) ? vsce : join(root, 'node_modules/.bin/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '-o', out], { cwd: stage, stdio: ['ignore', 'ignore', 'inherit'] });
rmSync(stage, { recursive: true, force: true });
console.log(`packaged ${out}`);
