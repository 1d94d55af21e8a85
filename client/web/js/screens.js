// One <main data-screen> is visible at a time.

let current = null;
const listeners = [];

export function showScreen(name) {
  for (const main of document.querySelectorAll('main[data-screen]')) {
    main.hidden = main.dataset.screen !== name;
  }
  if (current !== name) {
    current = name;
    document.body.dataset.screen = name;
    for (const fn of listeners) fn(name);
    // Move focus to the new screen's heading or first control so keyboard and screen-reader
    // users land where the content changed.
    const main = document.querySelector(`main[data-screen="${name}"]`);
    const target = main && main.querySelector('[autofocus], h1, button:not([hidden]), input');
    if (target && !main.contains(document.activeElement)) {
      if (!target.hasAttribute('tabindex') && target.tagName === 'H1') target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
    }
  }
}

export const currentScreen = () => current;
export const onScreenChange = (fn) => listeners.push(fn);
