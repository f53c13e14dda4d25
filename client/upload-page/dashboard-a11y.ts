/**
 * Two gaps axe-core finds in Uppy Dashboard 6.0.3 once files are listed, mended in place:
 * - with a single row of files, FileList renders `.uppy-Dashboard-files` without role="list" while
 *   its items keep role="listitem" (aria-required-parent);
 * - the list scrolls but cannot take focus, so a keyboard user cannot scroll it
 *   (scrollable-region-focusable).
 */
export function mendDashboardList(root: HTMLElement, label: string): void {
  const mend = () => {
    for (const list of root.querySelectorAll<HTMLElement>('.uppy-Dashboard-files')) {
      if (list.getAttribute('role') !== 'list') list.setAttribute('role', 'list');
      if (!list.hasAttribute('tabindex')) list.tabIndex = 0;
      if (!list.hasAttribute('aria-label')) list.setAttribute('aria-label', label);
    }
  };
  new MutationObserver(mend).observe(root, { childList: true, subtree: true });
  mend();
}
