import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitUntil } from './app-process.js';

export const NGINX = '/usr/sbin/nginx';

/**
 * Debian's nginx, which the scale-out test and `npm run perf` put in front of several API processes.
 * Installed with apt-get when missing and running as root (as CI does); otherwise a clear error.
 */
export function ensureNginx(): string {
  if (existsSync(NGINX)) return NGINX;
  if (process.getuid?.() !== 0) throw new Error('Skaleringstesten trenger Debians nginx: sudo apt-get install nginx');
  console.log('Installerer nginx fra Debian (apt-get install nginx) …');
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  const r = spawnSync('apt-get', ['install', '-y', '-qq', 'nginx'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.status !== 0 || !existsSync(NGINX)) throw new Error('Kunne ikke installere nginx');
  return NGINX;
}

export interface RunningNginx {
  url: string;
  stop: () => Promise<void>;
}

/**
 * nginx on `port` with its own configuration in a temporary directory, balancing over `upstreams`
 * (round robin, kept-alive connections). A connection refused or timed out passes the request to the
 * next process (nginx does so for a POST only when nothing of it was sent); a 502/503 does so for
 * idempotent requests. A POST that fails after it was sent comes back to the client, which retries
 * it with the same idempotency key.
 */
export async function startNginx(port: number, upstreams: number[]): Promise<RunningNginx> {
  const binary = ensureNginx();
  const dir = mkdtempSync(join(tmpdir(), 'samrad-nginx-'));
  chmodSync(dir, 0o755); // nginx's workers drop root's rights when started by root
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, sub));
  const conf = `
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log error;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream samrad {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=1s;`).join('\n')}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 25m;
    location / {
      proxy_pass http://samrad;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 3;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
    }
  }
}
`;
  writeFileSync(join(dir, 'nginx.conf'), conf);
  const child: ChildProcess = spawn(binary, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c) => (stderr += c));
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(async () => {
    if (child.exitCode !== null) throw new Error(`nginx stoppet: ${stderr}`);
    return fetch(`${url}/health/live`).then(
      (r) => r.ok,
      () => false,
    );
  }, 'nginx answering');
  return {
    url,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGQUIT'); // graceful: finishes the requests it serves
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
