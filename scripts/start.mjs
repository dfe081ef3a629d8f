// `npm start`: the platform at http://localhost:3000 with the demo city on the embedded SQLite database.
// Installs dependencies and builds the web app first when they are missing or stale.
import { spawn } from 'node:child_process';
import { ensureDependencies, ensureWebBuild, root, run } from './ensure.mjs';

ensureDependencies();
ensureWebBuild();
run(process.execPath, ['--import', 'tsx', 'scripts/seed-demo.ts']);

const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
