import type { Deps } from './context';

/** Whether the LiveKit server answers its HTTP root, remembered for 5 s so health checks do not hammer it. */
export function livekitProbe(url: string | undefined): Deps['livekitStatus'] {
  if (!url) return undefined;
  const http = url.replace(/^ws/, 'http');
  let cached: { at: number; status: 'ok' | 'down' } | null = null;
  return async () => {
    if (cached && Date.now() - cached.at < 5000) return cached.status;
    let status: 'ok' | 'down' = 'down';
    try {
      status = (await fetch(http, { signal: AbortSignal.timeout(1500) })).ok ? 'ok' : 'down';
    } catch {
      status = 'down';
    }
    cached = { at: Date.now(), status };
    return status;
  };
}
