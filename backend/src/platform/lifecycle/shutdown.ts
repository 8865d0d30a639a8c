import type { Logger } from 'pino';

/**
 * Stops the process gracefully on SIGTERM or SIGINT: `stop` finishes what is in flight and closes
 * the connections, then the process exits 0. If `stop` takes longer than `graceMs` (or fails) the
 * process exits 1 with the work cut off: a request's transaction rolls back, a job's lock runs out
 * and another worker retries it. A second signal while stopping changes nothing.
 */
export function stopGracefullyOnSignals(log: Logger, graceMs: number, stop: (signal: NodeJS.Signals) => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, graceMs }, 'shutting down: finishing what is in flight');
    const cutOff = setTimeout(() => {
      log.error({ graceMs }, 'still busy when the grace period ran out: exiting');
      process.exit(1);
    }, graceMs);
    stop(signal).then(
      () => {
        clearTimeout(cutOff);
        log.info('shut down');
        process.exit(0);
      },
      (err: unknown) => {
        clearTimeout(cutOff);
        log.error({ err }, 'shutting down failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
