import type { Logger } from '../app/ports';

type Fields = Record<string, string | number | boolean | undefined>;

/**
 * JSON lines on stdout/stderr, which Forge collects for `forge logs`. Callers pass ids, counts and codes only:
 * the type of `Fields` keeps structured values flat, and no ticket text or user name is ever logged.
 */
export function consoleLogger(scope: string): Logger {
  const write = (level: 'info' | 'warn' | 'error', event: string, data?: Fields) => {
    const line = JSON.stringify({ level, scope, event, ...data });
    if (level === 'error') console.error(line);
    else if (level === 'warn') console.warn(line);
    else console.log(line);
  };
  return {
    info: (event, data) => write('info', event, data),
    warn: (event, data) => write('warn', event, data),
    error: (event, data) => write('error', event, data),
  };
}
