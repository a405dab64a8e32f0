/**
 * A small leveled logger. Lines are collected and written once per event-loop turn, so a request's
 * access-log line costs a string concat, not a syscall.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  readonly level: LogLevel;
  enabled(level: LogLevel): boolean;
  debug(msg: string): void;
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string, err?: unknown): void;
  flush(): void;
}

export function isLogLevel(v: string): v is LogLevel {
  return v in RANK;
}

export function createLogger(level: LogLevel, write: (text: string) => void = (t) => process.stdout.write(t)): Logger {
  let pending: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (!pending.length) return;
    const text = pending.join('');
    pending = [];
    write(text);
  };
  const log = (l: LogLevel, msg: string) => {
    if (RANK[l] < RANK[level]) return;
    pending.push(`${new Date().toISOString()} ${l.toUpperCase().padEnd(5)} ${msg}\n`);
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
  return {
    level,
    enabled: (l) => RANK[l] >= RANK[level],
    debug: (m) => log('debug', m),
    info: (m) => log('info', m),
    warn: (m) => log('warn', m),
    error: (m, err) => log('error', err instanceof Error ? `${m}: ${err.stack ?? err.message}` : err !== undefined ? `${m}: ${String(err)}` : m),
    flush,
  };
}
