import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { withTimeout } from '../async/with-timeout.js';

export interface WorkerHealth {
  port: number;
  close: () => Promise<void>;
}

/**
 * The worker's probes (it serves no other HTTP), as the API's HealthController answers them: `/health/live` (the
 * process answers) and `/health/ready` (PostgreSQL and Redis both answer, else 503). Only with WORKER_HEALTH_PORT.
 */
export async function serveWorkerHealth(port: number, host: string, db: DataSource, redis: Redis): Promise<WorkerHealth> {
  const check = (p: Promise<unknown>) =>
    withTimeout(p, 2000).then(
      () => 'ok' as const,
      () => 'unavailable' as const,
    );
  const server = createServer((req, res) => {
    const answer = (status: number, body: object) =>
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
    if (req.method !== 'GET') return answer(405, { status: 'method not allowed' });
    if (req.url === '/health/live') return answer(200, { status: 'ok' });
    if (req.url !== '/health/ready') return answer(404, { status: 'not found' });
    void Promise.all([check(db.query('SELECT 1')), check(redis.ping())]).then(([postgres, redisState]) => {
      const ready = postgres === 'ok' && redisState === 'ok';
      answer(ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', checks: { postgres, redis: redisState } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
