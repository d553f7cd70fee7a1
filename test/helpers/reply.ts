// The owner answering one of rebound's emails, as their mail client would send it.
export function ownerReply(opts: { inReplyTo: string | null; subject: string; body: string; id: string; from?: string }): string {
  const from = opts.from ?? "alex.rivera@example.com";
  return [
    `From: Alex Rivera <${from}>`,
    "To: rejections@rebound.example.com",
    `Subject: ${opts.subject}`,
    `Message-ID: <reply-${opts.id}@mail.example.com>`,
    ...(opts.inReplyTo ? [`In-Reply-To: ${opts.inReplyTo}`, `References: ${opts.inReplyTo}`] : []),
    `Date: ${new Date().toUTCString()}`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "",
    opts.body,
    "",
    "On Mon, 23 Nov 2026 at 09:00, rebound <rejections@rebound.example.com> wrote:",
    "> Here is what is due today, ready to send.",
    "> snooze 2w",
    "",
  ].join("\r\n");
}
