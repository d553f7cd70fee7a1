// findPatterns (one pass for many patterns) must find exactly what a loop of indexOf calls finds:
// the first `cap` non-overlapping occurrences of each pattern, optionally only at word starts.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findPatterns, patternSet } from "../../src/pipeline/text.ts";

function byIndexOf(text: string, patterns: string[], cap: number, wordStart: boolean): (number[] | undefined)[] {
  return patterns.map((p) => {
    const hits: number[] = [];
    for (let at = text.indexOf(p); at >= 0 && hits.length < cap; at = text.indexOf(p, at + 1)) {
      if (wordStart && at > 0 && /[\p{L}\p{N}]/u.test(text[at - 1]!)) continue;
      if (hits.length && at < hits[hits.length - 1]! + p.length) continue;
      hits.push(at);
    }
    return hits.length ? hits : undefined;
  });
}

// A small alphabet, so patterns overlap, share prefixes and suffixes, and occur often.
const letters = fc.constantFrom("a", "b", " ", "é", "-", "1");
const word = fc.string({ unit: letters, minLength: 2, maxLength: 5 });

describe("findPatterns", () => {
  it("finds what indexOf finds, for any patterns, text, cap and word-start rule", () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), fc.string({ unit: letters, maxLength: 200 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), (patterns, text, cap, wordStart) => {
        expect(findPatterns(text, patternSet(patterns), cap, wordStart)).toEqual(byIndexOf(text, patterns, cap, wordStart));
      }),
      { numRuns: 1500 },
    );
  });

  it("reports a pattern inside another and one that is a suffix of another", () => {
    const set = patternSet(["we regret", "regret", "gret", "we"]);
    expect(findPatterns("sadly we regret it; we regret", set)).toEqual([[6, 20], [9, 23], [11, 25], [6, 20]]);
  });

  it("refuses one-character patterns", () => {
    expect(() => patternSet(["a"])).toThrow(/too short/);
  });
});
