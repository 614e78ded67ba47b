// The import pages, as progressive enhancement: without this script the page reloads itself while the job runs and the
// server refuses an unconfirmed Apply with a message.
document.addEventListener('DOMContentLoaded', () => {
  // Apply stays disabled until the confirmation is ticked.
  for (const form of document.querySelectorAll('form[data-confirm-gate]')) {
    const box = form.querySelector('input[type=checkbox][name=confirm]');
    const button = form.querySelector('button[type=submit]');
    if (!box || !button) {
      continue;
    }

    const sync = () => { button.disabled = !box.checked; };
    box.addEventListener('change', sync);
    sync();
  }

  // While the job runs: ask for its status every second, move the bar, and show the result once it has finished.
  const progress = document.querySelector('[data-job-status]');
  if (!progress) {
    return;
  }

  const bar = progress.querySelector('progress');
  const percent = progress.querySelector('[data-job-percent]');
  const step = progress.querySelector('[data-job-step]');
  const poll = async () => {
    try {
      const response = await fetch(progress.dataset.jobStatus, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (response.ok) {
        const status = await response.json();
        if (status.finished) {
          window.location.replace(progress.dataset.reloadTo);
          return;
        }

        bar.value = status.percent;
        bar.setAttribute('aria-valuenow', String(status.percent));
        percent.textContent = String(status.percent);
        if (step.textContent !== status.step) {
          step.textContent = status.step;
        }
      }
    } catch {
      // A failed poll is retried; the page's own reload remains.
    }

    window.setTimeout(poll, 1000);
  };
  window.setTimeout(poll, 1000);
});
