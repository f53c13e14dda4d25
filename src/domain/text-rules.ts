/**
 * Characters no name shown to a person may hold: C0 and C1 controls and DEL (CR and LF forge log
 * and header lines, BEL rings terminals), and the bidirectional overrides and isolates that make
 * "invoice‮fdp.exe" display as "invoiceexe.pdf". Filenames and display names share this rule.
 */
export const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

export function isPlainText(value: string): boolean {
  return !CONTROL_OR_BIDI.test(value);
}
