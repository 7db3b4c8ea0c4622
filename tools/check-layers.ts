/** `npm run lint:layers`: fails when an import crosses the architecture's layers. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findLayerViolations, type SourceFile } from './layers/layer-rules.ts';

const root = join(import.meta.dirname, '..');

function sources(dir: string): SourceFile[] {
  const out: SourceFile[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.(ts|tsx|mts)$/.test(name)) out.push({ path: relative(root, path).split('\\').join('/'), text: readFileSync(path, 'utf8') });
  }
  return out;
}

const files = [...sources(join(root, 'src')), ...sources(join(root, 'tools'))];
const violations = findLayerViolations(files);
for (const v of violations) console.log(`${v.file}:${v.line} imports "${v.specifier}": ${v.rule}`);
console.log(violations.length === 0 ? `layer rule: ${files.length} files, no violations` : `layer rule: ${violations.length} violation(s)`);
process.exit(violations.length === 0 ? 0 : 1);
