// Rewrites network and scenario files in the canonical form: arrays of records sorted by id,
// two-space indentation, LF line endings and a trailing newline, so a data change reads as a small diff.
// Usage: tsx scripts/format-network.ts FILE...
import { readFileSync, writeFileSync } from 'node:fs';
import { canonicalJson } from '../src/core/network/canonical.ts';

for (const file of process.argv.slice(2)) {
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  writeFileSync(file, canonicalJson(data));
  console.log(`formatted ${file}`);
}
