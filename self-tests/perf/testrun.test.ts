/** The k6-operator TestRun manifest: its shape, its parameters, and what it must never carry. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import {
  archiveEnv,
  archiveFileName,
  testRunManifest,
  testRunYaml,
  type TestRunParams,
} from '../../perf/operator/testrun.ts';
import { readQaSettings, secretValues } from '../../fixtures/settings.ts';

const params: TestRunParams = {
  parallelism: 4,
  profile: 'load',
  gateProfile: 'staging',
  baseUrl: 'http://meschain-store.qa.svc',
  allowRemote: true,
  k6Version: 'v1.8.1',
  namespace: 'qa',
};

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef: { name: string; key: string } };
}
interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  spec: {
    parallelism: number;
    script: { configMap: { name: string; file: string } };
    runner: { image: string; env: EnvVar[] };
    cleanup: string;
  };
}

const manifest = (p: TestRunParams = params) => parse(testRunYaml(p)) as Manifest;
const env = (m: Manifest, name: string) => m.spec.runner.env.find((e) => e.name === name);

describe('k6-operator TestRun', () => {
  test('is a k6.io/v1alpha1 TestRun with parallelism as given and the script from a ConfigMap archive', () => {
    const m = manifest();
    assert.equal(m.apiVersion, 'k6.io/v1alpha1');
    assert.equal(m.kind, 'TestRun');
    assert.equal(m.metadata.namespace, 'qa');
    assert.equal(m.spec.parallelism, 4);
    assert.equal(manifest({ ...params, parallelism: 9 }).spec.parallelism, 9);
    assert.deepEqual(m.spec.script.configMap, { name: 'meschain-k6-load', file: archiveFileName('load') });
    assert.equal(m.spec.runner.image, 'grafana/k6:1.8.1');
    assert.equal(m.spec.cleanup, 'post');
  });

  test('runner pods get the profile, the store and the remote opt-in as env', () => {
    const m = manifest();
    assert.equal(env(m, 'MESCHAIN_LOAD_PROFILE')?.value, 'load');
    assert.equal(env(m, 'MESCHAIN_GATE_PROFILE')?.value, 'staging');
    assert.equal(env(m, 'QA_BASE_URL')?.value, 'http://meschain-store.qa.svc');
    assert.equal(env(m, 'MESCHAIN_LOAD_ALLOW_REMOTE')?.value, '1');
  });

  test('credentials come from a Secret; no secret value is in the manifest or the archive env', () => {
    const m = manifest();
    for (const key of ['OC_ADMIN_USERNAME', 'OC_ADMIN_PASSWORD', 'TRENDYOL_WEBHOOK_SECRET']) {
      assert.deepEqual(env(m, key)?.valueFrom?.secretKeyRef, { name: 'meschain-qa-credentials', key });
      assert.equal(env(m, key)?.value, undefined);
    }
    const text = testRunYaml(params) + JSON.stringify(archiveEnv(params));
    for (const secret of secretValues(readQaSettings({ QA_BASE_URL: 'http://127.0.0.1:1' })))
      assert.ok(!text.includes(secret), 'a default secret leaked');
  });

  test('refuses a remote store without the opt-in, and nonsense parallelism', () => {
    assert.throws(() => testRunManifest({ ...params, allowRemote: false }), /expected a loopback host.*--allow-remote/);
    assert.throws(
      () => testRunManifest({ ...params, parallelism: 0 }),
      /parallelism: expected a whole number of runner pods 1-100; found 0/,
    );
    assert.throws(() => testRunManifest({ ...params, parallelism: 2.5 }), /parallelism/);
  });
});
