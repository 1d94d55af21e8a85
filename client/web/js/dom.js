// Tiny DOM helpers. Text always goes in through textContent: nicknames, answers and comments
// come from other people and must never be parsed as HTML.

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));

// el('li', {class: 'x', data: {choice: 1}, on: {click: fn}}, 'text', child, ...)
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'data') for (const [k, v] of Object.entries(value)) node.dataset[k] = String(v);
    else if (key === 'on') for (const [k, v] of Object.entries(value)) node.addEventListener(k, v);
    else if (key === 'text') node.textContent = String(value);
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function setText(target, text) {
  const node = typeof target === 'string' ? document.getElementById(target) : target;
  if (node) node.textContent = text === undefined || text === null ? '' : String(text);
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export function show(target, visible = true) {
  const node = typeof target === 'string' ? document.getElementById(target) : target;
  if (node) node.hidden = !visible;
  return node;
}

export const byId = (id) => document.getElementById(id);
