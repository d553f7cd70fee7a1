import { describe, expect, it } from "vitest";
import { htmlToText } from "../../src/pipeline/html-to-text.ts";

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
});
