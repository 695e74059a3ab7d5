// The environment of every n8n process of the queue-mode cluster: Postgres, Redis, queue mode and
// fast stall detection (decision 0210); and which process ran a workflow.
import type { Postgres, Redis } from './services.ts';

/**
 * Stall detection in seconds rather than n8n's minute: a killed worker's job is found stalled
 * within ~lock duration + stalled interval. The lock is renewed every 2 s, so a busy but healthy
 * worker keeps it (15 s of headroom).
 */
const STALL_SETTINGS = {
  QUEUE_WORKER_LOCK_DURATION: '15000',
  QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
  QUEUE_WORKER_STALLED_INTERVAL: '5000',
};

/** Postgres and Redis of the cluster, queue (or regular) mode, and the caller's extra settings. */
export function queueModeEnv(
  redis: Redis,
  postgres: Postgres,
  options: { executionsMode?: 'queue' | 'regular'; env?: Record<string, string> },
): Record<string, string> {
  return {
    DB_TYPE: 'postgresdb',
    DB_POSTGRESDB_HOST: postgres.host,
    DB_POSTGRESDB_PORT: String(postgres.port),
    DB_POSTGRESDB_DATABASE: postgres.database,
    DB_POSTGRESDB_USER: postgres.user,
    DB_POSTGRESDB_PASSWORD: '',
    EXECUTIONS_MODE: options.executionsMode ?? 'queue',
    QUEUE_BULL_REDIS_HOST: redis.host,
    QUEUE_BULL_REDIS_PORT: String(redis.port),
    // 2.x still runs manual executions on the main unless told; n8n 3 always offloads them.
    OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
    N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
    ...STALL_SETTINGS,
    ...options.env,
  };
}

/** The test workflow records which process ran it: `{{ $env.CLASSIFAILY_WORKER }}`. */
export function whoRuns(name: string): Record<string, string> {
  return { CLASSIFAILY_WORKER: name, N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false' };
}
