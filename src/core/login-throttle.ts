/**
 * Throttling of failed logins with growing delays, in place of a hard lock that anyone could trigger. Failures are
 * counted per (account, client address) and per client address; never per account alone, so a stranger guessing
 * an administrator's password from elsewhere slows only themselves, and the owner keeps signing in.
 */

/** How one kind of counter reacts: failures allowed freely, then waits doubling from `firstDelayMs` to `maxDelayMs`. */
export interface ThrottlePolicy {
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /** Failures are forgotten this long after the last one. */
  forgetAfterMs: number;
}

export const throttlePolicies = {
  /** One account from one address: a person mistyping gets 5 tries, then 2 s, 4 s, 8 s … up to 15 minutes. */
  accountAddress: {
    freeFailures: 5,
    firstDelayMs: 2_000,
    maxDelayMs: 15 * 60_000,
    forgetAfterMs: 15 * 60_000,
  },
  /** One address over all accounts (guessing many names): 20 failures, then the same growing waits. */
  address: { freeFailures: 20, firstDelayMs: 2_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 15 * 60_000 },
} as const satisfies Record<string, ThrottlePolicy>;

export interface ThrottleState {
  failures: number;
  lastFailedAt: string;
  /** No attempt is checked before this instant (ISO), or null. */
  blockedUntil: string | null;
}

/** The state after one more failure at `now`. */
export function afterFailure(state: ThrottleState | null, now: Date, policy: ThrottlePolicy): ThrottleState {
  const fresh =
    state === null || now.getTime() - new Date(state.lastFailedAt).getTime() >= policy.forgetAfterMs;
  const failures = fresh ? 1 : state.failures + 1;
  // The last free failure starts the first wait: five mistakes, then 2 s, 4 s, 8 s …
  const over = failures - policy.freeFailures + 1;
  const delay =
    over <= 0 ? 0 : Math.min(policy.firstDelayMs * 2 ** Math.min(over - 1, 30), policy.maxDelayMs);
  return {
    failures,
    lastFailedAt: now.toISOString(),
    blockedUntil: delay === 0 ? null : new Date(now.getTime() + delay).toISOString(),
  };
}

/** The instant until which attempts wait, or null when one may try now. */
export function blockedUntil(state: ThrottleState | null | undefined, now: Date): string | null {
  if (!state?.blockedUntil) return null;
  return new Date(state.blockedUntil) > now ? state.blockedUntil : null;
}

/** An instant as people in China read it: `2026-12-02 11:24:56` in Beijing time (UTC+8, no daylight saving). */
export function beijingTime(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  return shifted.toISOString().slice(0, 19).replace('T', ' ');
}
