// The queue's bulk bar: without this script the bulk form is always shown under the list. With it, a select-all box
// appears and the bar shows only while tickets are ticked, saying how many.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('bulk');
  const all = document.getElementById('select-all');
  const boxes = [...document.querySelectorAll('input[type=checkbox][form="bulk"]')];
  if (!form || !all || boxes.length === 0) {
    return;
  }

  const count = form.querySelector('.selected-count');
  const words = { one: form.dataset.selectedOne, other: form.dataset.selectedOther };
  const update = () => {
    const ticked = boxes.filter((b) => b.checked).length;
    form.hidden = ticked === 0;
    all.checked = ticked === boxes.length;
    all.indeterminate = ticked > 0 && ticked < boxes.length;
    count.hidden = ticked === 0;
    count.textContent = (ticked === 1 ? words.one : words.other).replace('{0}', String(ticked));
  };

  all.hidden = false;
  all.addEventListener('change', () => {
    boxes.forEach((b) => { b.checked = all.checked; });
    update();
  });
  boxes.forEach((b) => b.addEventListener('change', update));
  form.classList.add('floating');
  update();
});
