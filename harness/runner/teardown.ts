/**
 * What must happen before the process exits, whatever the cause: a removed cluster, a killed
 * learner script. Ctrl-C and SIGTERM run the registered actions, then exit 130/143.
 */
type Action = () => Promise<void> | void;
const actions = new Set<Action>();
let installed = false;

export function onInterrupt(action: Action): () => void {
  if (!installed) {
    installed = true;
    for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
      process.once(signal, () => {
        process.stderr.write(`\n${signal}: cleaning up…\n`);
        void runAll().finally(() => process.exit(code));
      });
    }
  }
  actions.add(action);
  return () => actions.delete(action);
}

async function runAll(): Promise<void> {
  for (const action of [...actions].reverse()) {
    try {
      await action();
    } catch (e) {
      process.stderr.write(`cleanup failed: ${(e as Error).message}\n`);
    }
  }
  actions.clear();
}
