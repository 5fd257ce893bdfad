// Validates served HTML with the Nu Html Checker (vnu.jar), all pages in one Java run.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { failure } from './report.mjs';

const require = createRequire(import.meta.url);

export function vnuJarPath() {
  return path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');
}

// Collects HTML documents in a temporary folder, then validates them all at once.
export class VnuBatch {
  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runstrong-vnu-'));
    this.files = new Map(); // file name -> page URL
  }

  add(pageUrl, html) {
    const name = `page-${String(this.files.size + 1).padStart(4, '0')}.html`;
    fs.writeFileSync(path.join(this.dir, name), html);
    this.files.set(name, pageUrl);
  }

  get size() {
    return this.files.size;
  }

  // Returns failures, one per vnu error. Throws if Java/vnu could not run at all.
  async run({ java = 'java', timeoutMs = 300000 } = {}) {
    if (this.files.size === 0) return [];
    const args = ['-Xss4m', '-jar', vnuJarPath(), '--errors-only', '--format', 'json', '--exit-zero-always', this.dir];
    const { stdout, stderr } = await new Promise((resolve, reject) => {
      execFile(java, args, { timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 }, (err, out, errOut) => {
        if (err) {
          reject(new Error(`vnu failed to run (${java} ${args.join(' ')}): ${err.message}\n${errOut || ''}`));
        } else {
          resolve({ stdout: out, stderr: errOut });
        }
      });
    });
    return this.parse(stderr.trim() || stdout.trim());
  }

  parse(text) {
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      throw new Error(`vnu printed something that is not JSON:\n${text.slice(0, 2000)}`);
    }
    const out = [];
    for (const m of data.messages || []) {
      if (m.type !== 'error' && m.type !== 'non-document-error') continue;
      const name = m.url ? path.basename(decodeURIComponent(new URL(m.url).pathname)) : '';
      const page = this.files.get(name) || m.url || '(unknown document)';
      const line = m.firstLine ?? m.lastLine;
      const col = m.firstColumn ?? m.lastColumn;
      const where = line !== undefined ? `${line}:${col ?? '?'}` : '';
      const extract = (m.extract || '').replace(/\s+/g, ' ').trim();
      out.push(failure(page, 'vnu', m.message, [where, extract && `"${extract}"`].filter(Boolean).join(' '), m.subType || ''));
    }
    return out;
  }

  cleanup() {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
