import { describe, expect, it } from "vitest";
import { checkSchema } from "../../graders/index.ts";
import { fakeContext } from "../../graders/test-support/fake-context.ts";
import { fakeClock } from "../../graders/test-support/fake-clock.ts";
import { ERROR_RETRY_MS, POLL_INTERVAL_MS, runCheck } from "./run-check.ts";

/** A script check whose attempts are answered, in turn, by `outcomes` (the last one repeats). */
function scripted(outcomes: ({ exitCode: number; output: string } | Error)[]) {
  let n = 0;
  const ctx = fakeContext({
    runScript: async () => {
      const o = outcomes[Math.min(n++, outcomes.length - 1)]!;
      if (o instanceof Error) throw o;
      return { ...o, timedOut: false };
    },
  });
  return { ctx, attempts: () => n };
}

const check = (fields: Record<string, unknown> = {}) => checkSchema.parse({ kind: "script", run: "kubectl get svc web", ...fields });

describe("runCheck", () => {
  it("passes at once without waiting", async () => {
    const clock = fakeClock();
    const { ctx } = scripted([{ exitCode: 0, output: "ok" }]);
    const outcome = await runCheck(ctx, check(), undefined, clock);
    expect(outcome).toMatchObject({ status: "pass", message: "`kubectl get svc web` exited 0", attempts: 1, ms: 0 });
    expect(clock.sleeps).toEqual([]);
  });

  it("checks once when no timeout is given: the cluster is settled, a mismatch is the answer", async () => {
    const clock = fakeClock();
    const { ctx, attempts } = scripted([{ exitCode: 1, output: "not found" }, { exitCode: 0, output: "web" }]);
    const outcome = await runCheck(ctx, check(), undefined, clock);
    expect(outcome).toMatchObject({ status: "fail", message: "`kubectl get svc web` exited 1", attempts: 1, ms: 0 });
    expect(attempts()).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it("with a timeout, retries a poll interval apart until the check passes", async () => {
    const clock = fakeClock();
    const { ctx } = scripted([
      { exitCode: 1, output: "not found" },
      { exitCode: 1, output: "not found" },
      { exitCode: 0, output: "web" },
    ]);
    const outcome = await runCheck(ctx, check({ timeout: "5s" }), undefined, clock);
    expect(outcome).toMatchObject({ status: "pass", message: "`kubectl get svc web` exited 0", attempts: 3, ms: 2 * POLL_INTERVAL_MS });
    expect(clock.sleeps).toEqual([POLL_INTERVAL_MS, POLL_INTERVAL_MS]);
  });

  it("after the timeout, reports the LAST mismatch and how long it stayed so", async () => {
    const clock = fakeClock();
    let n = 0;
    const ctx = fakeContext({ runScript: async () => ({ exitCode: 1, output: `attempt ${++n}`, timedOut: false }) });
    const outcome = await runCheck(ctx, check({ timeout: "5s" }), undefined, clock);
    expect(outcome).toMatchObject({
      status: "fail",
      message: "`kubectl get svc web` exited 1 (still so after 5 s)",
      expected: "exit 0",
      actual: `attempt ${n}`,
      attempts: n,
      ms: 5_000,
    });
    expect(n).toBe(6);
  });

  it("does not add a waiting note when there was only one attempt", async () => {
    const { ctx } = scripted([{ exitCode: 1, output: "" }]);
    const outcome = await runCheck(ctx, check({ timeout: "500ms" }), undefined, fakeClock());
    expect(outcome).toMatchObject({ status: "fail", message: "`kubectl get svc web` exited 1", attempts: 1 });
  });

  it("turns a thrown exception into status error, after trying again twice, quickly", async () => {
    const clock = fakeClock();
    const { ctx, attempts } = scripted([new Error("connect ECONNREFUSED 127.0.0.1:6443")]);
    const outcome = await runCheck(ctx, check(), undefined, clock);
    expect(outcome).toMatchObject({ status: "error", message: "the check could not run: connect ECONNREFUSED 127.0.0.1:6443" });
    expect(attempts()).toBe(3);
    expect(clock.sleeps).toEqual([ERROR_RETRY_MS, ERROR_RETRY_MS]);
  });

  it("passes when an exception is followed by success (the cluster was settling)", async () => {
    const { ctx } = scripted([new Error("etcdserver: leader changed"), { exitCode: 0, output: "" }]);
    expect(await runCheck(ctx, check(), undefined, fakeClock())).toMatchObject({ status: "pass", attempts: 2 });
  });

  it("reports a thrown non-Error too", async () => {
    const ctx = fakeContext({
      runScript: async () => {
        throw "plain string";
      },
    });
    const outcome = await runCheck(ctx, check({ timeout: "0s" }), undefined, fakeClock());
    expect(outcome).toMatchObject({ status: "error", message: "the check could not run: plain string" });
  });

  describe("timeout precedence", () => {
    const failingFor = async (spec: ReturnType<typeof check>, fallback: number | undefined) => {
      const { ctx } = scripted([{ exitCode: 1, output: "" }]);
      return (await runCheck(ctx, spec, fallback, fakeClock())).ms;
    };
    it("the check's own timeout beats the exercise default", async () => {
      expect(await failingFor(check({ timeout: "3s" }), 7_000)).toBe(3_000);
    });
    it("the exercise default applies to checks that name none", async () => {
      expect(await failingFor(check(), 7_000)).toBe(7_000);
    });
    it("no retry when neither names one", async () => {
      expect(await failingFor(check(), undefined)).toBe(0);
    });
    it("a timeout of 0 is honoured, not mistaken for 'none'", async () => {
      expect(await failingFor(check({ timeout: "0s" }), 7_000)).toBe(0);
      expect(await failingFor(check(), 0)).toBe(0);
    });
  });

  it("counts time spent inside slow attempts towards the deadline", async () => {
    const clock = fakeClock();
    const ctx = fakeContext({
      runScript: async () => {
        clock.t += 4_000;
        return { exitCode: 1, output: "", timedOut: false };
      },
    });
    const outcome = await runCheck(ctx, check({ timeout: "10s" }), undefined, clock);
    // attempts end at 4 s, 9 s, 14 s: the third ends past the deadline, so no fourth.
    expect(outcome.attempts).toBe(3);
    expect(outcome.message).toMatch(/\(still so after 14 s\)$/);
  });
});
