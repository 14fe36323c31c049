/**
 * Starts the three marketplace simulators (Trendyol, Hepsiburada, N11) as loopback HTTP servers.
 * Deterministic: the same `today` gives the same orders, listings, ids and categories. Each one
 * has the control API under `/__sim/`; the same controls are offered here as methods.
 */
import type { TargetConfig } from '../config.ts';
import { seedProducts } from '../db/catalog.ts';
import { MARKETPLACES, type Marketplace } from '../extension/modules.ts';
import { json } from '../http/types.ts';
import { listen, type Listening } from '../http/server.ts';
import { HepsiburadaApi } from './hepsiburada-simulator.ts';
import { N11Api } from './n11-simulator.ts';
import { orderBook, type MarketplaceOrder } from './order-book.ts';
import { parseSimulatorFaults, type SimulatorFaults } from './simulator-faults.ts';
import { SimulatorHost, type MarketplaceApi, type SimulatorState } from './simulator-host.ts';
import { TrendyolApi } from './trendyol-simulator.ts';

export type { SimulatorFaults } from './simulator-faults.ts';
export type { SimulatorState, RecordedRequest } from './simulator-host.ts';
export type { ListedProduct } from './product-store.ts';

export interface SimulatorOptions {
  /** 0 picks a free port */
  ports: Record<Marketplace, number>;
  credentials: TargetConfig['marketplaceCredentials'];
  today: Date;
}

export interface Simulators {
  /** base URL per marketplace, e.g. http://127.0.0.1:41234 */
  urls: Record<Marketplace, string>;
  /** Every simulator back to its start state: initial listings, no journal, no faults. */
  reset(): void;
  setFaults(mp: Marketplace, faults: SimulatorFaults): void;
  state(mp: Marketplace): SimulatorState;
  close(): Promise<void>;
}

function createApi(mp: Marketplace, opts: SimulatorOptions, orders: MarketplaceOrder[]): MarketplaceApi {
  switch (mp) {
    case 'trendyol':
      return new TrendyolApi(opts.credentials.trendyol, orders);
    case 'hepsiburada':
      return new HepsiburadaApi(opts.credentials.hepsiburada, orders);
    case 'n11':
      return new N11Api(opts.credentials.n11, orders);
  }
}

export async function startSimulators(opts: SimulatorOptions): Promise<Simulators> {
  const hosts = {} as Record<Marketplace, SimulatorHost>;
  const servers: Listening[] = [];
  try {
    for (const mp of MARKETPLACES) {
      const orders = orderBook(mp, seedProducts(), opts.today);
      const host = new SimulatorHost(createApi(mp, opts, orders), orders);
      const onError = (err: unknown) =>
        json(
          { errors: [{ code: 'SIMULATOR_ERROR', message: `${mp} simulator failed: ${(err as Error).message}` }] },
          500,
        );
      servers.push(await listen(host.handler, opts.ports[mp], onError));
      hosts[mp] = host;
    }
  } catch (err) {
    await Promise.all(servers.map((s) => s.close()));
    throw new Error(
      `could not start the marketplace simulators (ports ${JSON.stringify(opts.ports)}): ${(err as Error).message}`,
      { cause: err },
    );
  }
  const urls = Object.fromEntries(MARKETPLACES.map((mp, i) => [mp, servers[i]?.url ?? ''])) as Record<
    Marketplace,
    string
  >;
  return {
    urls,
    reset: () => {
      for (const mp of MARKETPLACES) hosts[mp].reset();
    },
    setFaults: (mp, faults) => hosts[mp].setFaults(parseSimulatorFaults(faults)),
    state: (mp) => hosts[mp].state(),
    close: async () => {
      for (const mp of MARKETPLACES) hosts[mp].releaseHeld();
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}
