/** One received file, as the receipt shows it. */
export interface ReceiptEntry {
  name: string;
  size: number;
  receivedAt: string;
  /** The first 8 hex digits of the SHA-256 the server computed. */
  code: string;
  pending: boolean;
}

/** The receipt kept for this browser tab (sessionStorage), so a reload does not lose it. */
export class ReceiptStore {
  constructor(private readonly key: string) {}

  load(): ReceiptEntry[] {
    try {
      const parsed: unknown = JSON.parse(sessionStorage.getItem(this.key) ?? '[]');
      return Array.isArray(parsed) ? (parsed as ReceiptEntry[]) : [];
    } catch {
      return [];
    }
  }

  add(entry: ReceiptEntry): ReceiptEntry[] {
    const entries = [...this.load(), entry];
    try {
      sessionStorage.setItem(this.key, JSON.stringify(entries));
    } catch {
      // Storage full or disabled: the receipt still shows until the page is closed.
    }
    return entries;
  }
}
