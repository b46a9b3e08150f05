/**
 * Brings a mention to the middle of the window. The element first (it may
 * sit in a scrolled box of its own), then the window by the mention's own
 * position: a paragraph taller than the window can hold it out of sight.
 * Keyboard navigation and the card's mention stepper both scroll this way.
 */
export function scrollToMention(range: Range): void {
  range.startContainer.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
  const rect = range.getBoundingClientRect();
  const view = range.startContainer.ownerDocument?.defaultView;
  if (!view) return;
  if (rect.top < 0 || rect.bottom > view.innerHeight) {
    view.scrollBy({ top: rect.top + rect.height / 2 - view.innerHeight / 2, behavior: 'instant' });
  }
}
