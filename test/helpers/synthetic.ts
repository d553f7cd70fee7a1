// A forward-as-attachment rejection dated when a test needs it, so a scenario
// can start "today" and run the cron for months after.

export function syntheticRejection(opts: { sentAt: number; id?: string; company?: string; role?: string; cc?: boolean }): string {
  const id = opts.id ?? "1";
  const company = opts.company ?? "Acme Robotics";
  const role = opts.role ?? "Controls Engineer";
  const domain = company.toLowerCase().replace(/[^a-z]+/g, "-") + ".test";
  const date = new Date(opts.sentAt).toUTCString().replace("GMT", "+0000");
  const forwarded = new Date(opts.sentAt + 60 * 60 * 1000).toUTCString().replace("GMT", "+0000");
  return [
    "From: Alex Rivera <alex.rivera@example.com>",
    "To: rejections@rebound.example.com",
    `Subject: Fwd: Your application for ${role} at ${company}`,
    `Message-ID: <fwd-${id}@mail.example.com>`,
    `Date: ${forwarded}`,
    "MIME-Version: 1.0",
    'Content-Type: multipart/mixed; boundary="b1"',
    "",
    "--b1",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Forwarding this one.",
    "",
    "--b1",
    "Content-Type: message/rfc822",
    "",
    `From: Priya Shah <priya.shah@${domain}>`,
    "To: Alex Rivera <alex.rivera@example.com>",
    ...(opts.cc === false ? [] : [`Cc: Tom Lee <tom.lee@${domain}>`]),
    `Subject: Your application for ${role} at ${company}`,
    `Date: ${date}`,
    `Message-ID: <orig-${id}@${domain}>`,
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Hi Alex,",
    "",
    `Thank you for interviewing for the ${role} role at ${company}. Unfortunately, after careful`,
    "consideration we have decided to move forward with other candidates whose experience more",
    "closely matches our needs.",
    "",
    "We enjoyed meeting you and wish you the best in your search.",
    "",
    "Best,",
    "Priya Shah",
    `Hiring Manager, ${company}`,
    "",
    "--b1--",
    "",
  ].join("\r\n");
}
