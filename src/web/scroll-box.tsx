/**
 * A wide table's own scrolling box, so that a phone scrolls the table and not the page. It is a named region and
 * takes focus because a keyboard user must be able to scroll it too (axe's scrollable-region-focusable).
 */
import type { ComponentChildren } from 'preact';

export function ScrollBox({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keys
    <section class="scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
