// Commands the owner sends by replying to any rebound email, one per line.
// Pure: text in, commands out. Applying them is src/flows/commands.ts.

export type Command = (
  | { type: "done" | "skip" | "pause" | "resume" | "stop" | "dream" | "delete" | "delete-all" | "help" | "confirm" }
  | { type: "snooze"; days: number }
  | { type: "landed"; company: string; role: string | null }
  | { type: "company" | "role"; value: string }
  | { type: "add"; name: string | null; email: string }
  | { type: "remove" | "rapport"; email: string }
  | { type: "feedback"; on: boolean }
) & {
  /** "#12 done": the application the line is about, when one email covers several. */
  applicationId?: number;
};

export interface ParsedCommands {
  commands: Command[];
  unknown: string[];
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
const MAX_LINES = 30;
const UNIT_DAYS: Record<string, number> = { d: 1, w: 7, m: 30 };

/** The owner's own words: the reply above the quoted original and the signature. */
export function replyBody(text: string): string[] {
  const lines: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith(">") || line === "--" || /^-{2,}\s*(original|forwarded) message/i.test(line)) break;
    if (/^on .{1,200} wrote:$/i.test(line) || /^(from|von|de|da|van):\s.+/i.test(line)) break;
    if (line) lines.push(line);
    if (lines.length >= MAX_LINES) break;
  }
  return lines;
}

function email(value: string): string | null {
  const v = value.trim().replace(/^<|>$/g, "").toLowerCase();
  return EMAIL.test(v) ? v : null;
}

export function parseCommand(line: string): Command | null {
  if (line.length > 500) return null;
  let text = line.replace(/^[-*•]\s*/, "").trim();
  const prefix = /^#(\d{1,9})\s+/.exec(text);
  if (prefix) text = text.slice(prefix[0].length);
  const command = parseBare(text);
  return command && prefix ? { ...command, applicationId: Number(prefix[1]) } : command;
}

function parseBare(text: string): Command | null {
  const lower = text.toLowerCase();
  if (/^delete (all my data|everything)$/.test(lower)) return { type: "delete-all" };
  const simple = ["done", "skip", "pause", "resume", "stop", "dream", "delete", "help", "confirm"] as const;
  const word = lower.replace(/[.!]+$/, "");
  if ((simple as readonly string[]).includes(word)) return { type: word as (typeof simple)[number] };

  let m = /^snooze\s+(\d{1,3})\s*([dwm])\w*$/i.exec(text);
  if (m) return { type: "snooze", days: Number(m[1]) * UNIT_DAYS[m[2]!.toLowerCase()]! };
  m = /^(company|role)\s*:\s*(.{1,200})$/i.exec(text);
  if (m) return { type: m[1]!.toLowerCase() as "company" | "role", value: m[2]!.trim() };
  m = /^landed\s+(?:at\s+)?(.{1,200}?)(?:\s+as\s+(.{1,200}))?$/i.exec(text);
  if (m) return { type: "landed", company: m[1]!.trim(), role: m[2]?.trim() ?? null };
  m = /^(remove|rapport)\s+(\S+)$/i.exec(text);
  if (m) {
    const address = email(m[2]!);
    return address ? { type: m[1]!.toLowerCase() as "remove" | "rapport", email: address } : null;
  }
  m = /^add\s+(.{0,200}?)\s*<([^<>\s]+)>$/i.exec(text) ?? /^add\s+(.{0,200}?)\s*(\S+@\S+)$/i.exec(text);
  if (m) {
    const address = email(m[2]!);
    const name = m[1]!.replace(/^["']|["']$/g, "").trim();
    return address ? { type: "add", name: name || null, email: address } : null;
  }
  m = /^feedback\s+(on|off)$/i.exec(text);
  if (m) return { type: "feedback", on: m[1]!.toLowerCase() === "on" };
  return null;
}

export function parseCommands(text: string): ParsedCommands {
  const result: ParsedCommands = { commands: [], unknown: [] };
  for (const line of replyBody(text)) {
    const command = parseCommand(line);
    if (command) result.commands.push(command);
    else result.unknown.push(line.slice(0, 200));
  }
  return result;
}
