/**
 * The hub's marketplace status table. These tests run in a session of their worker's own
 * (`session: 'worker'`), not the run's shared login: the hub counts renders per session, and a
 * session no parallel test touches makes a table that drops out on some renders fail the same way
 * every time (and pass on the retry's fresh session, so the run reports it as flaky).
 * Each test renders the hub once.
 */
import { test } from '../../fixtures/index.ts';

test.describe('hub status table', () => {
  test('lists every marketplace with the numbers of the metrics API', async ({ hub, evidence }) => {
    await hub.open();
    const { metrics } = await hub.refresh();
    await hub.expectStatusTable(metrics);
    await evidence.screenshot('marketplace status table', { of: hub.statusTable() });
  });

  test('agrees with the marketplace cards above it', async ({ hub }) => {
    await hub.open();
    const { metrics } = await hub.refresh();
    await hub.expectCards(metrics);
    await hub.expectStatusTable(metrics);
  });
});
