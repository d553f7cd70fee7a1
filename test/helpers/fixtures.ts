// Fixture emails as text (the corpus is ASCII or UTF-8, so text round-trips the bytes).
const files = import.meta.glob("../fixtures/corpus/emails/*.eml", { query: "?raw", import: "default", eager: true }) as Record<string, string>;

export function fixture(name: string): string {
  const raw = files[`../fixtures/corpus/emails/${name}`];
  if (raw === undefined) throw new Error(`no fixture ${name}`);
  return raw;
}
