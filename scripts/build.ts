// `npm run build` (npm ci runs it through `prepare`): compiles src/ to JavaScript in dist/ with the same
// layout, so module-relative paths (networks/, views/, package.json) hold from both; the type check is
// `npm run typecheck`. Then it validates the embedded network and emission factors and writes the copy
// the CLI reads instead of validating them at every start (dist/cli/data-cache.json, see
// src/cli/data-cache.ts), and stamps the build (dist/build-stamp), which bin/corridors.js compares with src/.
import { spawnSync } from 'node:child_process';
import { writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeDataCache } from '../src/cli/data-cache.ts';
import { formatIssue, DataValidationError } from '../src/core/errors.ts';
import { loadEmissionFactorsFile, loadNetworkFile } from '../src/core/load.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');

rmSync(DIST, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
if (compiled.status !== 0) {
  console.error('build: tsc failed');
  process.exit(compiled.status ?? 1);
}

// Invalid embedded data does not fail the build: without the copy, the CLI validates the files at each
// start and reports every problem there (corridors validate lists them).
try {
  const cache = makeDataCache(loadNetworkFile(), loadEmissionFactorsFile());
  writeFileSync(join(DIST, 'cli', 'data-cache.json'), JSON.stringify(cache));
} catch (err) {
  const issues = err instanceof DataValidationError ? err.issues.slice(0, 5).map(formatIssue) : [(err as Error).message];
  console.error(`build: the embedded data did not validate, so no validated copy was written:\n  ${issues.join('\n  ')}`);
}
writeFileSync(join(DIST, 'build-stamp'), `${new Date().toISOString()}\n`);
