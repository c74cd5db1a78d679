// npm run dev — the API with hot reload (tsx watch) on :8787 and Vite's dev server on :5173 proxying /api.
import { spawn } from 'node:child_process';

const env = {
  ...process.env,
  ALLOWED_ORIGINS: process.env.ALLOWED_ORIGINS ?? 'http://localhost:5173,http://127.0.0.1:5173',
};
const children = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'server/node.ts'], { stdio: 'inherit', env }),
  spawn('npx', ['vite', '--config', 'vite.config.ts'], { stdio: 'inherit', env }),
];
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) {
  c.on('exit', (code) => {
    stop();
    process.exitCode = code ?? 0;
  });
}
