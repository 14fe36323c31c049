/**
 * A Chromium for Lighthouse: Debian's binary launched by chrome-launcher on a free
 * remote-debugging port with its own throw-away profile (created asynchronously, so nothing
 * blocks the event loop the reference target may share), plus setting the admin session cookie
 * over the DevTools protocol.
 */
import { hostResolverRules } from '../../fixtures/third-party.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import { CHROMIUM_FLAGS } from './config.ts';

export interface Chromium {
  port: number;
  close(): Promise<void>;
}

export async function launchChromium(chromePath: string): Promise<Chromium> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'meschain-lighthouse-'));
  try {
    const chrome = await launch({
      chromePath,
      chromeFlags: [...CHROMIUM_FLAGS, `--host-resolver-rules=${hostResolverRules()}`],
      userDataDir,
      logLevel: 'silent',
      handleSIGINT: false,
      connectionPollInterval: 100,
      maxConnectionRetries: 100,
    });
    return {
      port: chrome.port,
      async close() {
        const exited = new Promise<void>((done) => {
          if (chrome.process.exitCode !== null || chrome.process.signalCode !== null) done();
          else chrome.process.once('exit', () => done());
        });
        chrome.kill();
        await exited;
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await rm(userDataDir, { recursive: true, force: true });
    throw new Error(
      `could not start Chromium for Lighthouse (${chromePath}): ${(err as Error).message}. Is CHROMIUM_PATH right?`,
      { cause: err },
    );
  }
}

interface CdpReply {
  id?: number;
  error?: { message: string };
}

/** Sends one DevTools command to the browser target and waits for its answer. */
async function browserCommand(port: number, method: string, params: Record<string, unknown>): Promise<void> {
  const version = await fetch(`http://127.0.0.1:${port}/json/version`).then(
    (r) => r.json() as Promise<{ webSocketDebuggerUrl?: string }>,
  );
  if (!version.webSocketDebuggerUrl) throw new Error(`Chromium on port ${port} reported no webSocketDebuggerUrl`);
  const ws = new WebSocket(version.webSocketDebuggerUrl);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method}: no answer from Chromium within 10 s`)), 10_000);
      ws.addEventListener('open', () => ws.send(JSON.stringify({ id: 1, method, params })));
      ws.addEventListener('error', () => {
        clearTimeout(timer);
        reject(new Error(`${method}: DevTools connection failed`));
      });
      ws.addEventListener('message', (ev) => {
        const msg = JSON.parse(String(ev.data)) as CdpReply;
        if (msg.id !== 1) return;
        clearTimeout(timer);
        if (msg.error) reject(new Error(`${method}: ${msg.error.message}`));
        else resolve();
      });
    });
  } finally {
    ws.close();
  }
}

/** Sets the OpenCart admin session cookie (`OCSESSID`, path `/`, like OpenCart) for the store's origin. */
export async function setSessionCookie(port: number, baseUrl: string, sessionId: string): Promise<void> {
  await browserCommand(port, 'Storage.setCookies', {
    cookies: [{ name: 'OCSESSID', value: sessionId, url: `${baseUrl}/`, path: '/' }],
  });
}
