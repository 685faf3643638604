import type { ProbeReply } from "../../graders/types.ts";
import { t } from "../i18n/messages.ts";

/**
 * The shell commands grade's probe runs (busybox sh, nc, timeout, nslookup) and the parsing of
 * what they print. Arguments travel as positional parameters, never spliced into the script.
 */

const MARK = "@@grade-probe@@";
/** nc gives up connecting after this; `timeout` ends a connection that never closes. */
const CONNECT_TIMEOUT_S = 3;
const REQUEST_TIMEOUT_S = 6;
const RESOLVE_TIMEOUT_S = 8;

/**
 * `count` HTTP/1.0 GETs sent at once, each by its own nc: a new TCP connection each, so
 * kube-proxy picks a backend for each. Then each reply and nc's stderr, between markers.
 */
const HTTP_SCRIPT = `
n=$4; dir=$(mktemp -d); i=0
while [ "$i" -lt "$n" ]; do
  i=$((i+1))
  ( printf 'GET %s HTTP/1.0\\r\\nHost: %s:%s\\r\\nUser-Agent: grade-probe\\r\\n\\r\\n' "$3" "$1" "$2" |
      timeout ${REQUEST_TIMEOUT_S} nc -w ${CONNECT_TIMEOUT_S} "$1" "$2" >"$dir/out$i" 2>"$dir/err$i"
    echo $? >"$dir/rc$i" ) &
done
wait
i=0
while [ "$i" -lt "$n" ]; do
  i=$((i+1))
  printf '\\n${MARK} reply %s rc=%s\\n' "$i" "$(cat "$dir/rc$i")"; cat "$dir/out$i"
  printf '\\n${MARK} stderr %s\\n' "$i"; cat "$dir/err$i"
done
rm -rf "$dir"
`;

export function httpGetCommand(host: string, port: number, path: string, count: number): string[] {
  return ["sh", "-c", HTTP_SCRIPT, "grade-probe", host, String(port), path, String(count)];
}

/** One ProbeReply per request, in order. */
export function parseHttpOutput(output: string, count: number): ProbeReply[] {
  const parts = output.split(new RegExp(`\\n${MARK} (reply|stderr) (\\d+)(?: rc=(\\d+))?\\n`));
  // parts: [before, kind, i, rc, text, kind, i, rc, text, …]
  const raw = new Map<number, { rc: number; out: string; err: string }>();
  for (let k = 1; k + 3 < parts.length; k += 4) {
    const [kind, i, rc, text] = [parts[k], Number(parts[k + 1]), parts[k + 2], parts[k + 3] ?? ""];
    const entry = raw.get(i) ?? { rc: -1, out: "", err: "" };
    if (kind === "reply") Object.assign(entry, { rc: Number(rc), out: text });
    else entry.err = text;
    raw.set(i, entry);
  }
  return Array.from({ length: count }, (_, n) => {
    const r = raw.get(n + 1);
    if (!r) return { body: "", error: t().checks.probe.printedNothing };
    return parseHttpReply(r.out, r.err, r.rc);
  });
}

/** An HTTP reply as nc printed it: status line, headers, a blank line, the body. */
export function parseHttpReply(out: string, err: string, rc: number): ProbeReply {
  const status = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(out);
  if (!status) {
    if (out.trim() !== "") return { body: out, error: t().checks.probe.notHttp({ text: out.trim().slice(0, 80) }) };
    const said = err.trim().split("\n").pop()?.replace(/^nc: /, "");
    return { body: "", error: said || (rc === 0 ? t().checks.probe.closedWithoutReply : t().checks.probe.noReplyWithin({ seconds: REQUEST_TIMEOUT_S })) };
  }
  const headerEnd = out.search(/\r?\n\r?\n/);
  const body = headerEnd < 0 ? "" : out.slice(headerEnd).replace(/^\r?\n\r?\n/, "");
  return { status: Number(status[1]), body };
}

export function resolveCommand(name: string): string[] {
  return ["sh", "-c", `timeout ${RESOLVE_TIMEOUT_S} nslookup "$1" 2>&1`, "grade-probe", name];
}

/**
 * busybox nslookup prints the server first (Server:, Address:), then per answer `Name:` and
 * `Address: IP` (older versions: `Address 1: IP`), or `** server can't find NAME: NXDOMAIN`.
 */
export function parseResolveOutput(output: string): { addresses: string[]; error?: string } {
  const nameAt = output.search(/^Name:/m);
  const answers = nameAt < 0 ? "" : output.slice(nameAt);
  const addresses = [...answers.matchAll(/^Address(?: \d+)?:\s*(\S+)/gm)].map((m) => m[1]!.replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1"));
  if (addresses.length > 0) return { addresses: [...new Set(addresses)] };
  const problem = /^\*\*.*$|^;;.*$|timed out.*$|^nslookup: .*$/m.exec(output)?.[0];
  return { addresses: [], error: problem?.trim() || t().checks.probe.noAddressInAnswer({ output: output.trim().slice(0, 120) }) };
}
