/** Shape of an accepted axe violation (data in a11y/baseline.ts). */
export interface BaselineEntry {
  /** axe rule id, e.g. `color-contrast` */
  rule: string;
  /** target selector as axe reports it (frames joined by ` >>> `), e.g. `#marketplace-status td` */
  target: string;
  /** optional: the route it was seen on; when set, the entry is only judged "fixed" when that route was audited */
  route?: string;
  owner: string;
  /** why it is acceptable for now: ticket, plan */
  reason: string;
  /** last day it applies, YYYY-MM-DD (UTC); past it `baseline.expired` blocks the gate */
  expires: string;
}
