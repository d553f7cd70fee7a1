import { describe, expect, it } from "vitest";
import { htmlToText, MAX_HTML_TEXT } from "../../src/pipeline/html-to-text.ts";

describe("htmlToText", () => {
  it("keeps an Outlook forward header readable, one field a line", () => {
    const html = '<div>Note</div><hr><div id="divRplyFwdMsg"><b>From:</b> Riverstone Bank &lt;<a href="mailto:noreply@x.test">noreply@x.test</a>&gt;<br><b>Sent:</b> Tuesday, August 25, 2026 6:02 PM<br><b>Subject:</b> Hi</div><div>&nbsp;</div><p>Body</p>';
    expect(htmlToText(html)).toBe("Note\n\nFrom: Riverstone Bank <noreply@x.test>\nSent: Tuesday, August 25, 2026 6:02 PM\nSubject: Hi\n\nBody");
  });
  it("drops style, script and comments, decodes entities", () => {
    expect(htmlToText("<style>p{color:red}</style><!-- x --><script>alert(1)</script><p>Caf&eacute; &amp; Co &#8211; &#x1F600;</p>")).toBe("Café & Co – 😀");
  });
  it("turns two-cell table rows into labelled fields", () => {
    expect(htmlToText("<table><tr><td>Position</td><td>Video Producer</td></tr><tr><td>a</td><td>b</td><td>c</td></tr></table>")).toBe("Position: Video Producer\na b c");
  });
  it("survives unclosed tags and stray brackets", () => {
    expect(htmlToText("a < b and <b>bold")).toBe("a < b and bold");
    expect(htmlToText("<p>ok<style>never closed")).toBe("ok");
  });
  it("adds no line break for a block right after a line's end, even past empty cells", () => {
    expect(htmlToText("<div>a</div><div><div>b</div></div><table><tr>" + "<td></td>".repeat(5) + "</tr></table><div>c</div>")).toBe("a\nb\nc");
  });
  it("stops converting once the text read downstream is there", () => {
    const row = "<tr><td>Thank you for your interest in the Data Analyst position &amp; your time.</td></tr>";
    const html = "<p>Top of the forward</p><table>" + row.repeat(20_000) + "</table><p>never reached</p>";
    const text = htmlToText(html);
    expect(text.startsWith("Top of the forward\n\nThank you for your interest in the Data Analyst position & your time.")).toBe(true);
    expect(text.length).toBeGreaterThan(MAX_HTML_TEXT * 0.9);
    expect(text.length).toBeLessThan(MAX_HTML_TEXT + 1_000);
    expect(text).not.toContain("never reached");
  });
});
