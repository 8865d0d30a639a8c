import { Injectable } from '@nestjs/common';

/**
 * Whether this process still wants traffic. On SIGTERM `main.ts` drains it first, so /health/ready
 * answers 503 (a load balancer stops sending) while the requests in flight finish.
 */
@Injectable()
export class Readiness {
  private drainingSince: Date | null = null;

  drain(): void {
    this.drainingSince ??= new Date();
  }

  get draining(): boolean {
    return this.drainingSince !== null;
  }
}
