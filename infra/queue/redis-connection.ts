/**
 * Redis connections for the queue, the shared limits and cancellation messages. BullMQ's
 * blocking commands need `maxRetriesPerRequest: null`, so a worker waits out a Redis restart
 * instead of failing its jobs.
 */
import { Redis } from 'ioredis';

export type RedisConnection = Redis;

export function openRedis(url: string, purpose: string): RedisConnection {
  return new Redis(url, { maxRetriesPerRequest: null, connectionName: `stancewatch:${purpose}` });
}

/** Closes politely (QUIT), falling back to a hard disconnect when Redis is unreachable. */
export async function closeRedis(connection: RedisConnection): Promise<void> {
  try {
    await connection.quit();
  } catch {
    connection.disconnect();
  }
}
