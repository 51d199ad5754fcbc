import { expect, type Frame, type Page } from './test';

/**
 * What is cut or overflowing in a document, as the browser lays it out: an element reaching past the screen's
 * left or right edge, content wider than its box (spilling out, clipped or scrolling sideways), content taller
 * than a box that clips it; and in each frame, a page taller or wider than the frame shows. Elements that are
 * not rendered (hidden, display: none) are skipped. Runs in the page, so it needs no knowledge of the layout.
 */
function problemsIn(): string[] {
  const problems: string[] = [];
  const width = document.documentElement.clientWidth;
  const name = (element: Element) =>
    element.tagName.toLowerCase() +
    (element.id ? '#' + element.id : '') +
    (element.classList.length ? '.' + Array.from(element.classList).join('.') : '') +
    (element.textContent ? ` "${element.textContent.trim().slice(0, 30)}"` : '');
  if (document.documentElement.scrollWidth > width)
    problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`);
  if (self != top && document.documentElement.scrollHeight > innerHeight + 1)
    problems.push(`the frame cuts its page (${document.documentElement.scrollHeight} > ${innerHeight} px high)`);
  for (const element of Array.from(document.body.querySelectorAll('*'))) {
    const box = element.getBoundingClientRect();
    if (!box.width && !box.height) continue; // not rendered
    const style = getComputedStyle(element);
    if (style.visibility == 'hidden') continue;
    if (box.left < -1 || box.right > width + 1)
      problems.push(`${name(element)} reaches past the screen (${box.left}…${box.right} of ${width})`);
    const block = style.display != 'inline' && !(element instanceof HTMLTextAreaElement) && !(element instanceof HTMLSelectElement);
    if (block && element.clientWidth && element.scrollWidth > element.clientWidth + 1)
      problems.push(`${name(element)} is wider inside than its box (${element.scrollWidth} > ${element.clientWidth})`);
    if (element.clientHeight && ['hidden', 'clip'].includes(style.overflowY) && element.scrollHeight > element.clientHeight + 1)
      problems.push(`${name(element)} clips its content (${element.scrollHeight} > ${element.clientHeight} px high)`);
  }
  return problems;
}

/** Every problem of the page and of each of its frames, each named by where it is. */
export async function layoutProblems(page: Page): Promise<string[]> {
  const all: string[] = [];
  for (const frame of page.frames() as Frame[]) {
    const rendered = frame == page.mainFrame() || (await (await frame.frameElement()).isVisible());
    if (!rendered) continue;
    const where = frame == page.mainFrame() ? 'page' : frame.url();
    all.push(...(await frame.evaluate(problemsIn)).map((problem) => `${where}: ${problem}`));
  }
  return all;
}

/** Waits until every shown frame has been sized to its page (demo/picker.js). */
export async function framesSized(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLIFrameElement>('.widget:not([hidden]) iframe')).every((frame) => frame.style.height != ''),
      ),
    )
    .toBe(true);
}
