/**
 * The answer types the suites read are the contract's JSON Schemas, generated: the committed
 * contracts/generated/answers.ts must be exactly what `npm run generate:types` writes now.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { GENERATED_ANSWERS, generateAnswerTypes } from '../../scripts/generate-types.ts';

test('contracts/generated/answers.ts is what the JSON Schemas give (else: npm run generate:types)', async () => {
  const committed = readFileSync(GENERATED_ANSWERS, 'utf8');
  const fresh = await generateAnswerTypes();
  assert.ok(
    committed === fresh,
    'contracts/generated/answers.ts is out of step with contracts/schemas.ts: run `npm run generate:types` and commit it',
  );
});

test('the generator follows a schema change: a new required field becomes a new property', async () => {
  const { ANSWER_SCHEMAS } = await import('../../scripts/generate-types.ts');
  const webhookStats = ANSWER_SCHEMAS.WebhookStats as { properties: Record<string, unknown>; required: string[] };
  const saved = { properties: { ...webhookStats.properties }, required: [...webhookStats.required] };
  try {
    webhookStats.properties.retried_webhooks = { type: 'integer' };
    webhookStats.required.push('retried_webhooks');
    assert.match(await generateAnswerTypes(), /retried_webhooks: number;/);
  } finally {
    webhookStats.properties = saved.properties;
    webhookStats.required = saved.required;
  }
});
