// The phone menu: without this script a checkbox and its label open it; with it, a real button says aria-expanded.
document.addEventListener('DOMContentLoaded', () => {
  const toggle = document.getElementById('menu-toggle');
  const label = document.querySelector('label[for="menu-toggle"]');
  const nav = document.getElementById('main-nav');
  if (!toggle || !label || !nav) {
    return;
  }

  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'menu-button';
  button.setAttribute('aria-controls', 'main-nav');
  button.setAttribute('aria-expanded', 'false');
  button.append(...label.childNodes);
  label.replaceWith(button);
  toggle.remove();
  const header = nav.closest('.site-header');
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    header.classList.toggle('menu-open', open);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
      button.click();
      button.focus();
    }
  });
});
