// A TURN server's certificate for tests and benches: made with openssl for a name that exists nowhere, which a
// browser is told to find at a given address and whose certificate it is told to accept.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TurnCert {
  domain: string;
  certFile: string;
  keyFile: string;
  remove(): void;
}

/** A self-signed certificate and key (PEM) for `domain`, in a folder of their own. */
export function turnCert(domain = 'turn.tongzhou.test'): TurnCert {
  const dir = mkdtempSync(join(tmpdir(), 'tz-turn-'));
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${domain}`],
      ...['-addext', `subjectAltName=DNS:${domain}`, '-keyout', keyFile, '-out', certFile],
    ],
    { stdio: 'ignore' },
  );
  return { domain, certFile, keyFile, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Chromium flags: `domain` is at `address`, and its self-signed certificate is taken. */
export const turnBrowserFlags = (cert: TurnCert, address: string) => [
  `--host-resolver-rules=MAP ${cert.domain} ${address}`,
  '--ignore-certificate-errors',
];
