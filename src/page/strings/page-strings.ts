/**
 * Every sentence of the customer's upload page, one file per language. The server renders the page
 * with them and hands the same strings to the browser script (the JSON data block), which also
 * builds Uppy's locale from `uppy`. `%{name}` placeholders are filled on either side.
 */
export interface PageStrings {
  lang: 'en' | 'es';
  /** The other language's switch link, written in that language. */
  switchLabel: string;
  pageTitle: string;
  heading: string;
  forName: string;
  instruction: string;
  acceptedTypes: string;
  maxSize: string;
  uploadsLeft: string;
  chooseFile: string;
  sendFile: string;
  noScriptHint: string;
  yourFiles: string;
  noFilesYet: string;
  statusWaiting: string;
  statusSending: string;
  statusReceived: string;
  statusChecking: string;
  statusNotSent: string;
  statusCancelled: string;
  retry: string;
  cancel: string;
  receiptHeading: string;
  receiptIntro: string;
  receiptEmpty: string;
  receiptName: string;
  receiptSize: string;
  receiptTime: string;
  receiptCode: string;
  receiptStatus: string;
  print: string;
  refusedType: string;
  refusedSize: string;
  refusedCount: string;
  refusedEmpty: string;
  /** A server refusal by its error_code, in words, with what to do next. */
  refusals: Record<string, string>;
  /** 429 rate_limited with a Retry-After. */
  rateLimitedAfter: string;
  networkLost: string;
  somethingWrong: string;
  notFoundTitle: string;
  notFoundBody: string;
  expiredTitle: string;
  expiredBody: string;
  exhaustedTitle: string;
  exhaustedBody: string;
  busyTitle: string;
  busyBody: string;
  receivedTitle: string;
  receivedBody: string;
  sendAnother: string;
  notSentTitle: string;
  backToPage: string;
  /** Overrides of Uppy's own locale strings. */
  uppy: Record<string, string>;
}

/** Fills `%{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/%\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
