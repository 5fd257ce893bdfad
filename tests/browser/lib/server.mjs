// Starts a server process that announces itself with one stdout line
// "listening on http://127.0.0.1:PORT", and stops it again.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const LISTENING_RE = /listening on (http:\/\/\S+)/;

// Returns { baseUrl, stop(), logFile, child }. Everything the process prints after the
// announcement goes to logFile (if given) so a failing run can be diagnosed.
export async function startProcessServer(command, args, { cwd, env, timeoutMs = 30000, logFile } = {}) {
  const child = spawn(command, args, {
    cwd,
    env: env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = logFile ? fs.createWriteStream(logFile) : null;
  const recent = [];
  const remember = (stream, line) => {
    log?.write(`[${stream}] ${line}\n`);
    recent.push(line);
    if (recent.length > 40) recent.shift();
  };
  readline.createInterface({ input: child.stderr }).on('line', (line) => remember('stderr', line));
  const stdoutLines = readline.createInterface({ input: child.stdout });

  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
  });

  const baseUrl = await new Promise((resolve, reject) => {
    let done = false;
    const finish = (err, value) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(value);
    };
    const describe = () => (recent.length ? `\n--- last output ---\n${recent.join('\n')}` : '');
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(new Error(`${command} did not print "listening on http://..." within ${timeoutMs} ms${describe()}`));
    }, timeoutMs);
    child.on('error', (err) => finish(new Error(`could not start ${command}: ${err.message}`)));
    exitPromise.then(({ code, signal }) =>
      finish(new Error(`${command} exited (code ${code}, signal ${signal}) before listening${describe()}`)),
    );
    stdoutLines.on('line', (line) => {
      remember('stdout', line);
      const m = LISTENING_RE.exec(line);
      if (m) finish(null, m[1].replace(/\/+$/, ''));
    });
  });

  const stop = async () => {
    if (exited) return exited;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    const result = await exitPromise;
    clearTimeout(timer);
    await new Promise((resolve) => (log ? log.end(resolve) : resolve()));
    return result;
  };
  return { baseUrl, stop, child, logFile, recentOutput: () => recent.join('\n'), exited: () => exited };
}

// Starts runstrong with a fresh temporary database.
export async function startRunstrong({ bin, repoRoot, contentDir = 'content', logFile }) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'runstrong-browser-'));
  const db = path.join(tmp, 'runstrong.db');
  const server = await startProcessServer(
    bin,
    ['serve', '--addr', '127.0.0.1:0', '--content', contentDir, '--db', db],
    { cwd: repoRoot, logFile },
  );
  const stop = server.stop;
  server.stop = async () => {
    const result = await stop();
    fs.rmSync(tmp, { recursive: true, force: true });
    return result;
  };
  return server;
}
