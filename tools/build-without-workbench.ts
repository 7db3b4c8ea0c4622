/**
 * Builds a checkout's pages the way its vite.config.ts does, but with the trainer's workbench left
 * out, into `outDir`: the baseline the benchmarks compare the game's first load against, to show
 * that having the workbench in the build costs the game nothing. Works for a config that builds the
 * workbench as its own environment (this one) and for one that lists it among the inputs (older).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function buildWithoutWorkbench(root: string, outDir: string): void {
  const config = join(mkdtempSync(join(tmpdir(), 'no-workbench-')), 'vite.no-workbench.config.ts');
  writeFileSync(config, `import project from ${JSON.stringify(join(root, 'vite.config.ts'))};
const dropWorkbench = (input) => { if (input === undefined) return undefined; const rest = { ...input }; delete rest.workbench; return rest; };
export default async (env) => {
  const config = typeof project === 'function' ? await project(env) : project;
  const environments = { ...config.environments };
  delete environments.workbench;
  if (environments.client?.build?.rolldownOptions?.input !== undefined) {
    environments.client = { ...environments.client, build: { ...environments.client.build, rolldownOptions: { ...environments.client.build.rolldownOptions, input: dropWorkbench(environments.client.build.rolldownOptions.input) } } };
  }
  const options = config.build?.rolldownOptions ?? {};
  return { ...config, root: ${JSON.stringify(root)}, environments, build: { ...config.build, rolldownOptions: { ...options, ...(options.input === undefined ? {} : { input: dropWorkbench(options.input) }) } } };
};
`);
  execFileSync('npx', ['vite', 'build', '--config', config, '--outDir', outDir, '--emptyOutDir'], { cwd: root, stdio: 'ignore' });
}
