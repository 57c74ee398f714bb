// Builds the @auth/client package this app depends on (a file: dependency, so npm links the folder and its dist/ must
// exist), so that `npm ci && npm run build` works on a fresh clone. Installs the package's own tools once.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const client = fileURLToPath(new URL('../../../clients/typescript/', import.meta.url));
const run = (command) => execSync(command, { cwd: client, stdio: 'inherit' });

if (!existsSync(new URL('node_modules/.bin/', `file://${client}`))) {
  run('npm ci --no-audit --no-fund');
}

run('npm run build');
