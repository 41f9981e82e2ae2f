#!/usr/bin/env node
// Entry point of the `corridors` command. It runs the built JavaScript in dist/ (`npm run build`, which
// `npm ci` runs through `prepare`). When dist/ is missing or older than a file in src/, it runs the
// TypeScript sources through tsx instead, so an edit never runs stale code.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// A closed pipe (`corridors ... | head`) ends the command quietly instead of with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

/** True when dist/ was built after the last change to any file in src/ (or when no sources ship). */
function buildIsCurrent() {
  let built;
  try {
    built = statSync(fileURLToPath(new URL('../dist/build-stamp', import.meta.url))).mtimeMs;
  } catch {
    return false;
  }
  let entries;
  try {
    entries = readdirSync(fileURLToPath(new URL('../src/', import.meta.url)), { recursive: true, withFileTypes: true });
  } catch {
    return true;
  }
  return entries.every((e) => !e.isFile() || statSync(join(e.parentPath ?? e.path, e.name)).mtimeMs <= built);
}

let main;
if (buildIsCurrent()) {
  ({ main } = await import('../dist/cli/main.js'));
} else {
  try {
    const { register } = await import('tsx/esm/api');
    register();
  } catch {
    process.stderr.write('corridors: dist/ is missing or older than src/, and tsx is not installed to run the sources; run "npm run build"\n');
    process.exit(70);
  }
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
