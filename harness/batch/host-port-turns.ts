import net from "node:net";
import type { Exercise } from "../exercise/schema.ts";

/** Ports on the host the exercise's checks read, where the learner's script must listen (a `kubectl proxy`). */
export function exerciseHostPorts(exercise: Exercise): number[] {
  const ports = exercise.tasks
    .flatMap((t) => t.checks)
    .flatMap((check) => (check.kind === "proxyReachable" && check.via === "kubectlProxy" ? [check.proxyPort] : []));
  return [...new Set(ports)].sort((a, b) => a - b);
}

/** Whether nothing listens on 127.0.0.1:port (where `kubectl proxy` listens by default). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export async function busyPorts(ports: readonly number[], isFree = isPortFree): Promise<number[]> {
  const free = await Promise.all(ports.map((p) => isFree(p)));
  return ports.filter((_, i) => !free[i]);
}

/** How long a turn waits for the previous learner's processes to let go of the ports. */
const PORTS_FREED_TIMEOUT_MS = 10_000;
const PORTS_POLL_MS = 200;

/**
 * The batch's side of host-port-turn.ts: one turn at a time, first come first served. A turn is
 * granted once the ports are free again (the previous learner's `kubectl proxy` may take a moment
 * to die); if they are still busy after 10 s it is granted all the same, with the busy ports
 * named, so the batch can say that learner's port checks may be wrong.
 */
export class HostPortTurns {
  readonly ports: readonly number[];
  private holder: string | undefined;
  private readonly waiting: { learner: string; grant: (busy: number[]) => void }[] = [];
  private readonly isFree: (port: number) => Promise<boolean>;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(ports: readonly number[], o: { isFree?: (port: number) => Promise<boolean>; sleep?: (ms: number) => Promise<void> } = {}) {
    this.ports = ports;
    this.isFree = o.isFree ?? isPortFree;
    this.sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /** Resolves with the ports still busy (normally none) when it is the learner's turn. */
  take(learner: string): Promise<number[]> {
    return new Promise((grant) => {
      this.waiting.push({ learner, grant });
      if (this.holder === undefined) void this.next();
    });
  }

  /** Gives the learner's turn back, or drops them from the queue (their run ended while waiting). */
  release(learner: string): void {
    this.withdraw(learner);
    if (this.holder === learner) {
      this.holder = undefined;
      void this.next();
    }
  }

  /** Drops the learner from the queue only (their run is being stopped); a turn they hold stays theirs until release. */
  withdraw(learner: string): void {
    const i = this.waiting.findIndex((w) => w.learner === learner);
    if (i >= 0) this.waiting.splice(i, 1);
  }

  get current(): string | undefined {
    return this.holder;
  }

  private async next(): Promise<void> {
    const turn = this.waiting.shift();
    if (!turn) return;
    this.holder = turn.learner;
    let busy = await busyPorts(this.ports, this.isFree);
    for (let waited = 0; busy.length > 0 && waited < PORTS_FREED_TIMEOUT_MS; waited += PORTS_POLL_MS) {
      await this.sleep(PORTS_POLL_MS);
      busy = await busyPorts(this.ports, this.isFree);
    }
    // Released while the ports were being checked (the run died): the turn goes on to the next.
    if (this.holder !== turn.learner) return;
    turn.grant(busy);
  }
}
