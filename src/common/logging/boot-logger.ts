import pino, { Logger } from 'pino';

/**
 * The log of an entry point before (and after) the application has its own:
 * the same JSON lines on stdout, so that a start-up failure reads like every
 * other log line instead of a stack trace on stderr.
 */
export function bootLogger(level: string, context: string): Logger {
  return pino({ level }).child({ context });
}
