// Keeps the ticket composer's draft in this tab's session storage, so a reply being typed survives another form on the
// page (escalate, attach, classify) posting and reloading it. Without script those forms still work; only the draft is lost.
(() => {
  const form = document.getElementById('composer');
  if (!form || !window.sessionStorage) {
    return;
  }

  const key = form.dataset.draftKey;
  const fields = [...form.querySelectorAll('textarea, input[type=number], select')].filter(f => f.name.startsWith('Draft.'));
  const save = () => {
    const values = Object.fromEntries(fields.map(f => [f.name, f.value]));
    const visibility = form.querySelector('input[name="Draft.IsPublic"]:checked');
    values['Draft.IsPublic'] = visibility ? visibility.value : 'true';
    sessionStorage.setItem(key, JSON.stringify(values));
  };

  const saved = sessionStorage.getItem(key);
  const body = form.querySelector('textarea[name="Draft.Body"]');
  if (saved && body && body.value === '') {
    const values = JSON.parse(saved);
    for (const field of fields) {
      const value = values[field.name];
      const offered = !field.options || [...field.options].some(o => o.value === value);
      if (value !== undefined && offered) {
        field.value = value;
      }
    }

    const visibility = form.querySelector(`input[name="Draft.IsPublic"][value="${values['Draft.IsPublic']}"]`);
    if (visibility) {
      visibility.checked = true;
    }
  }

  form.addEventListener('input', save);
  form.addEventListener('change', save);
  form.addEventListener('submit', event => {
    if (event.submitter && event.submitter.hasAttribute('data-sends')) {
      sessionStorage.removeItem(key);
    }
  });
})();
