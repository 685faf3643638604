import { step } from "../ui/step.ts";
import { t } from "../i18n/messages.ts";

/**
 * Learner scripts run on the host, and some listen there: exercise 3's script leaves `kubectl
 * proxy` on 127.0.0.1:8001, and its checks read that port. Two learners graded at once would share
 * the port: the second proxy fails to start, and the checks of one learner reach the other's
 * cluster. So in a batch, such scripts take turns: `grade batch` sets this variable (the ports) on
 * each `grade run` it starts, and grants one turn at a time over the IPC channel. The turn is
 * taken before the script's time limit starts — waiting for another learner costs nobody their
 * time — and given back once the checks ran and the script's processes are gone. Without the
 * variable (any other `grade run`) there is nothing to wait for.
 */
export const HOST_PORTS_ENV = "GRADE_BATCH_HOST_PORTS";

export type HostPortMessage = { gradeBatch: "take-host-ports" } | { gradeBatch: "host-ports-yours" } | { gradeBatch: "release-host-ports" };

export const isHostPortMessage = (m: unknown, kind: HostPortMessage["gradeBatch"]): boolean =>
  typeof m === "object" && m !== null && (m as { gradeBatch?: unknown }).gradeBatch === kind;

/** Waits for this run's turn on the host's ports (when a batch asks for turns); returns what gives the turn back. */
export async function takeHostPortTurn(env: NodeJS.ProcessEnv = process.env): Promise<() => void> {
  const ports = env[HOST_PORTS_ENV];
  if (!ports || !process.send || !process.connected) return () => {};
  await step(t().progress.waitingForTurn({ ports }), () => waitForTurn());
  return () => {
    if (process.connected) process.send!({ gradeBatch: "release-host-ports" } satisfies HostPortMessage);
  };
}

function waitForTurn(): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (m: unknown) => {
      if (isHostPortMessage(m, "host-ports-yours")) done();
    };
    // The batch is gone (killed): nobody is left to take turns with, so go on rather than hang.
    const done = () => {
      process.off("message", onMessage);
      process.off("disconnect", done);
      resolve();
    };
    // Listening keeps this process alive while it waits; once both listeners are gone, the IPC
    // channel no longer holds it open at exit.
    process.on("message", onMessage);
    process.on("disconnect", done);
    process.send!({ gradeBatch: "take-host-ports" } satisfies HostPortMessage);
  });
}
