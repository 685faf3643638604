import { t } from "../i18n/messages.ts";

/**
 * What must happen before the process exits, whatever the cause: a removed cluster, a killed
 * learner script, a result written. Ctrl-C and SIGTERM run the registered actions, newest
 * first, then exit 130/143. A second signal while cleaning up is ignored: cleanup must finish,
 * or a cluster would be left behind.
 */
export type Signal = "SIGINT" | "SIGTERM";
type Action = (signal: Signal) => Promise<void> | void;
const actions = new Set<Action>();
let installed = false;
let cleaning = false;

export function onInterrupt(action: Action): () => void {
  installInterruptHandlers();
  actions.add(action);
  return () => actions.delete(action);
}

/** True once Ctrl-C or SIGTERM came: the run ends as interrupted, whatever else fails meanwhile. */
export const interrupting = () => cleaning;

/**
 * Takes Ctrl-C and SIGTERM over from Node's default (die at once). The CLI calls it first thing,
 * so that a signal at any moment, even before any cleanup is registered, ends in an orderly exit.
 */
export function installInterruptHandlers(): void {
  if (!installed) {
    installed = true;
    for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
      process.on(signal, () => {
        if (cleaning) return void process.stderr.write(`${t().progress.stillCleaning({ signal })}\n`);
        cleaning = true;
        process.stderr.write(`\n${t().progress.cleaningUp({ signal })}\n`);
        void runAll(signal).finally(() => process.exit(code));
      });
    }
  }
}

async function runAll(signal: Signal): Promise<void> {
  for (const action of [...actions].reverse()) {
    try {
      await action(signal);
    } catch (e) {
      process.stderr.write(`${t().progress.cleanupFailed({ error: (e as Error).message })}\n`);
    }
  }
  actions.clear();
}
