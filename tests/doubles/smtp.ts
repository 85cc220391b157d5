/**
 * A real SMTP listener (the `smtp-server` package) standing in for a mail provider: the app's
 * nodemailer talks SMTP to it over a socket, as to any relay. Hand `url` to the server as SMTP_URL.
 * Plain SMTP on localhost (no STARTTLS, no authentication), as a relay inside a private network.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The raw message: headers, a blank line, the body. */
  raw: string;
  header(name: string): string | undefined;
  /** The body as text, its transfer encoding (quoted-printable, base64) undone. */
  text(): string;
}

export interface SmtpDouble {
  url: string;
  mails: ReceivedMail[];
  /** The next `n` mails are refused with `code` (451: try later; 550: no such mailbox). */
  refuseNext(n: number, code: 451 | 550): void;
  stop(): Promise<void>;
}

/** A header's value, unfolded (continuation lines joined), from the raw message's header block. */
/** The body of a single-part message, decoded from its Content-Transfer-Encoding. */
function bodyText(raw: string): string {
  const [, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join("\r\n\r\n");
  const encoding = headerOf(raw, "Content-Transfer-Encoding")?.toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding !== "quoted-printable") return body;
  const soft = body.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft[i] === "=" ? /^[0-9A-F]{2}$/i.exec(soft.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i]!, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

function headerOf(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? "";
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

export async function startSmtpDouble(): Promise<SmtpDouble> {
  const mails: ReceivedMail[] = [];
  const refusals: { code: number }[] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const refusal = refusals.shift();
        if (refusal) {
          const error = Object.assign(new Error(refusal.code === 451 ? "Try again later" : "No such mailbox"), { responseCode: refusal.code });
          return callback(error);
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          header: (name) => headerOf(raw, name),
          text: () => bodyText(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    refuseNext(n, code) {
      for (let i = 0; i < n; i++) refusals.push({ code });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
