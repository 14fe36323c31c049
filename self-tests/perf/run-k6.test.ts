/** The k6 runner: refuses remote stores, and a run that did not complete is never evidence. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { K6RunError, runLoad } from '../../perf/run-k6.ts';

const reportsDir = () => mkdtempSync(join(tmpdir(), 'run-k6-'));

/** A loopback port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((done) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => done(port));
    });
  });
}

/** Runs fn while collecting what it writes to stdout and stderr (still passed through). */
async function capture<T>(fn: () => Promise<T>): Promise<{ out: string; result: PromiseSettledResult<T> }> {
  let out = '';
  const orig = { o: process.stdout.write.bind(process.stdout), e: process.stderr.write.bind(process.stderr) };
  const tap = (w: typeof orig.o) =>
    ((chunk: string | Uint8Array, ...rest: never[]) => {
      out += String(chunk);
      return w(chunk, ...rest);
    }) as typeof process.stdout.write;
  process.stdout.write = tap(orig.o);
  process.stderr.write = tap(orig.e);
  try {
    const [result] = await Promise.allSettled([fn()]);
    return { out, result: result! };
  } finally {
    process.stdout.write = orig.o;
    process.stderr.write = orig.e;
  }
}

describe('runLoad', () => {
  test('refuses a non-loopback store before k6 starts, naming the opt-in', async () => {
    await assert.rejects(
      runLoad({
        baseUrl: 'https://shop.example.com',
        profile: 'smoke',
        gateProfile: 'local',
        reportsDir: reportsDir(),
        env: {},
      }),
      /expected a loopback host.*found shop\.example\.com.*MESCHAIN_LOAD_ALLOW_REMOTE=1/,
    );
  });

  test('refuses load beyond a read-only smoke under the production gate profile', async () => {
    await assert.rejects(
      runLoad({
        baseUrl: 'http://127.0.0.1:1',
        profile: 'load',
        gateProfile: 'production',
        reportsDir: reportsDir(),
        env: {},
      }),
      /expected smoke/,
    );
  });

  test('a run whose login fails rejects with K6RunError, leaves no summary.json (not even an old one) and prints no secret', async () => {
    const dir = reportsDir();
    mkdirSync(join(dir, 'k6'));
    writeFileSync(join(dir, 'k6', 'summary.json'), '{"metrics":{}}'); // a stale summary from an earlier run
    const password = 'Never-Print-Me-4711';
    const port = await closedPort();
    const { out, result } = await capture(() =>
      runLoad({
        baseUrl: `http://127.0.0.1:${port}`,
        profile: 'smoke',
        gateProfile: 'local',
        reportsDir: dir,
        env: { ...process.env, OC_ADMIN_PASSWORD: password, TRENDYOL_WEBHOOK_SECRET: 'Never-Print-Me-Either' },
      }),
    );
    assert.equal(result.status, 'rejected');
    const err = (result as PromiseRejectedResult).reason as unknown;
    assert.ok(err instanceof K6RunError && err.exitCode === 107, String(err));
    assert.match((err as Error).message, /the login in setup\(\) failed.*not used as evidence/);
    assert.ok(!existsSync(join(dir, 'k6', 'summary.json')), 'no summary.json: the gate reports "could not evaluate"');
    assert.ok(existsSync(join(dir, 'k6', 'summary.incomplete.json')));
    assert.match(out, /expected an OCSESSID cookie/);
    assert.ok(!out.includes(password) && !out.includes('Never-Print-Me-Either'), 'a secret reached the output');
  });
});
