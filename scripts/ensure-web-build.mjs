// `npm start` runs this first: builds the web app when dist/web/index.html is missing or older
// than any file under src/web (or vite.config.ts), so a fresh clone serves a working UI.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const built = 'dist/web/index.html';

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

const sourceTime = Math.max(newestMtime('src/web'), newestMtime('vite.config.ts'));
if (existsSync(built) && statSync(built).mtimeMs >= sourceTime) {
  console.log('web app is up to date (dist/web)');
} else {
  console.log(existsSync(built) ? 'src/web changed: rebuilding the web app' : 'building the web app (first run)');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
}
