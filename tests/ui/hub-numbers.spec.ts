/** The hub's summary tiles and marketplace cards: the numbers of the metrics route, never invented ones. */
import { test, expect } from '../../fixtures/index.ts';
import { ROUTES, type Metrics } from '../../fixtures/pages/answers.ts';

test.describe('hub numbers', () => {
  test('the page opens with the numbers the metrics API answers', async ({ hub, admin }) => {
    const before = await admin.json<{ metrics: Metrics }>(ROUTES.metrics);
    await hub.open();
    const after = await admin.json<{ metrics: Metrics }>(ROUTES.metrics);
    const { metrics } = await hub.renderedData();
    // another worker may write between the two calls: the page must show one of the answers around its load
    expect([before.metrics, after.metrics], 'metrics the server rendered into the page').toContainEqual(metrics);
    await hub.expectSummary(metrics);
    await hub.expectCards(metrics);
  });

  test('after a refresh the tiles and cards show the answer the page received', async ({ hub, evidence }) => {
    await hub.open();
    const { metrics } = await hub.refresh();
    await hub.expectSummary(metrics);
    await hub.expectCards(metrics);
    await evidence.screenshot('hub after refresh');
  });
});
