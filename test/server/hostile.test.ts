// Issue 10: what a request can send must never take the server down or answer 500. Raw requests on purpose:
// these bodies are malformed by design, so they bypass the typed harness.
import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/harness';

const h = useHarness();

async function cookieOf(email: string) {
  const res = await h.login(email);
  return res.headers.get('set-cookie')?.split(';')[0] ?? '';
}

async function send(cookie: string, method: string, path: string, body: BodyInit | undefined, type?: string) {
  const headers: Record<string, string> = { cookie, 'x-forwarded-for': '203.0.113.9' };
  if (type) headers['content-type'] = type;
  const res = await h.app.request(`http://localhost${path}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, text, json: text.startsWith('{') ? JSON.parse(text) : null };
}

describe('hostile input: multipart uploads', () => {
  it('a body cut off before its closing boundary is a 400, and the server keeps answering', async () => {
    const cookie = await cookieOf('li@jhxx.demo');
    const boundary = 'XyZ123';
    const cut =
      `--${boundary}\r\nContent-Disposition: form-data; name="meta"\r\n\r\n{"title":"x"}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n%PDF-1.4\n1 0 obj <<>> endobj\n';
    const res = await send(cookie, 'POST', '/api/resources', cut, `multipart/form-data; boundary=${boundary}`);
    expect(res.status, res.text).toBe(400);
    expect(res.json.error.code).toBe('validation_failed');
    const health = await h.app.request('http://localhost/api/health');
    expect(health.status).toBe(200);
  });

  it('a multipart request without a boundary is a 400, not a 500', async () => {
    const cookie = await cookieOf('li@jhxx.demo');
    const res = await send(cookie, 'POST', '/api/resources', 'hello', 'multipart/form-data');
    expect(res.status, res.text).toBe(400);
  });
});
