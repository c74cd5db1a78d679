// Structured logs: one JSON object per line, so a collector can index them without parsing prose.
export type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface Logger {
  log(level: Level, msg: string, fields?: Record<string, unknown>): void;
  /** Whether a line of this level would be written: a caller can skip gathering its fields. */
  enabled?(level: Level): boolean;
}

/**
 * A request path as logs may keep it: the secret in a calendar feed's or an invitation link's path (a capability:
 * whoever reads it may use it) is replaced, so reading the logs grants nothing.
 */
export function loggedPath(path: string): string {
  return path.replace(/^(\/api\/(?:calendar|invitations)\/)[^/]+/, '$1[secret]');
}

export function createLogger(
  minLevel: Level | 'silent' = 'info',
  write: (line: string) => void = (l) => console.log(l),
): Logger {
  return {
    enabled: (level) => order[level] >= order[minLevel],
    log(level, msg, fields) {
      if (order[level] < order[minLevel]) return;
      write(JSON.stringify({ t: new Date().toISOString(), level, msg, ...fields }));
    },
  };
}
