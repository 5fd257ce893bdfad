// Checks that the external programs the suite needs are present, with a clear message if not.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { vnuJarPath } from './vnu.mjs';

export function preflight({ chromium, java, pdfinfo }) {
  const problems = [];
  if (!fs.existsSync(chromium)) {
    problems.push(`Chromium not found at ${chromium} (Debian: apt-get install -y chromium; or set CHROMIUM)`);
  }
  const j = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (j.error || j.status !== 0) {
    problems.push(`Java not runnable as "${java}" (needed for vnu; Debian: apt-get install -y default-jre-headless; or set JAVA)`);
  }
  const p = spawnSync(pdfinfo, ['-v'], { encoding: 'utf8' });
  if (p.error) problems.push(`pdfinfo not runnable as "${pdfinfo}" (Debian: apt-get install -y poppler-utils; or set PDFINFO)`);
  let jar = null;
  try {
    jar = vnuJarPath();
  } catch {
    // reported below
  }
  if (!jar || !fs.existsSync(jar)) problems.push('vnu.jar not found: run "npm ci" in tests/browser');
  return problems;
}
