import { createTransport } from 'nodemailer';

/** One plain-text message to one address. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail; throws when the server refuses or cannot be reached (the job retries). */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * SMTP through nodemailer. `smtpUrl` carries host, port, credentials and TLS (smtp:// upgrades with
 * STARTTLS when offered, smtps:// is TLS from the start). Creating it opens nothing: each message
 * connects, so an idle server holds no SMTP connection.
 */
export class SmtpMailer implements Mailer {
  private readonly transport;

  constructor(smtpUrl: string, private readonly from: string) {
    this.transport = createTransport(smtpUrl);
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
  }
}
