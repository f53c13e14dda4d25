/**
 * The page's own list of files: each one's name, a progress element, its state in words, and
 * Cancel / Try again buttons. Uppy's Dashboard takes the drop and the choice; this list is what
 * a screen reader and a keyboard user follow, and results are announced through a live region.
 */
export class FileList {
  private readonly rows = new Map<string, { li: HTMLLIElement; progress: HTMLProgressElement; status: HTMLElement; actions: HTMLElement }>();

  constructor(
    private readonly list: HTMLElement,
    private readonly section: HTMLElement,
    private readonly announcer: HTMLElement,
  ) {}

  add(id: string, name: string, status: string): void {
    this.section.hidden = false;
    const li = document.createElement('li');
    li.className = 'file-row';
    li.dataset['fileId'] = id;
    const title = document.createElement('span');
    title.className = 'file-name';
    title.textContent = name;
    const progress = document.createElement('progress');
    progress.max = 100;
    progress.value = 0;
    progress.setAttribute('aria-label', name);
    const statusEl = document.createElement('span');
    statusEl.className = 'file-status';
    statusEl.textContent = status;
    const actions = document.createElement('span');
    actions.className = 'file-actions';
    li.append(title, progress, statusEl, actions);
    this.list.append(li);
    this.rows.set(id, { li, progress, status: statusEl, actions });
  }

  progress(id: string, percent: number, status: string): void {
    const row = this.rows.get(id);
    if (!row) return;
    row.progress.value = percent;
    row.status.textContent = status;
  }

  /** A final or refused state: the sentence is also announced. */
  settle(id: string, state: 'received' | 'refused' | 'failed' | 'cancelled', status: string, announce: string, buttons: { label: string; onClick: () => void }[] = []): void {
    const row = this.rows.get(id);
    if (!row) return;
    row.li.dataset['state'] = state;
    if (state === 'received') row.progress.value = 100;
    if (state === 'refused') row.progress.hidden = true;
    row.status.textContent = status;
    row.actions.replaceChildren(
      ...buttons.map(({ label, onClick }) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = label;
        button.addEventListener('click', onClick);
        return button;
      }),
    );
    this.announce(announce);
  }

  setButtons(id: string, buttons: { label: string; onClick: () => void }[]): void {
    const row = this.rows.get(id);
    if (!row) return;
    row.actions.replaceChildren(
      ...buttons.map(({ label, onClick }) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = label;
        button.addEventListener('click', onClick);
        return button;
      }),
    );
  }

  announce(text: string): void {
    this.announcer.textContent = text;
  }
}
