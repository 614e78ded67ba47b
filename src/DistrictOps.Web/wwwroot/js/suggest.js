// Suggests knowledge base articles while a request is typed on the Ask-for-help form. Without script the first send shows
// the same suggestions as a step of its own (and a chosen photo must be chosen again); with it they appear on the form as
// the title and description are typed, and a send before they came asks for them first and stops if there are any, so
// the person sees them once and the second send goes through (SuggestionsSeen).
(() => {
  const form = document.getElementById('ask-for-help');
  const region = document.getElementById('suggestions');
  if (!form || !region || !window.fetch) {
    return;
  }

  const seen = form.querySelector('input[name="SuggestionsSeen"]');
  const title = form.querySelector('[name="Input.Title"]');
  const description = form.querySelector('[name="Input.Description"]');
  const issueType = form.querySelector('[name="Input.IssueTypeId"]');
  let timer = 0;
  let asked = '';
  const suggest = async () => {
    const text = `${title ? title.value : ''} ${description ? description.value : ''}`.trim();
    const key = `${text}|${issueType ? issueType.value : ''}`;
    if (text.length < 4 || key === asked) {
      return false;
    }

    asked = key;
    const url = new URL(form.dataset.suggestUrl, window.location.href);
    url.searchParams.set('text', text.slice(0, 500));
    if (issueType && issueType.value) {
      url.searchParams.set('issueTypeId', issueType.value);
    }

    try {
      const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
      if (response.ok && asked === key) {
        region.innerHTML = await response.text();
        seen.value = 'true';
        return region.querySelector('.suggestions') !== null;
      }
    } catch {
      // Offline or refused: the server shows the suggestions step instead.
    }

    return false;
  };

  form.addEventListener('submit', async event => {
    // A send after the suggestions were shown goes through.
    if (seen.value === 'true') {
      return;
    }

    event.preventDefault();
    window.clearTimeout(timer);
    const shown = await suggest();
    seen.value = 'true';
    if (shown) {
      const heading = region.querySelector('h2');
      heading.tabIndex = -1;
      heading.focus();
    } else {
      form.requestSubmit(event.submitter || undefined);
    }
  });

  // "This solved it" posts the small form after this one: it carries the site and issue type chosen here.
  const solved = document.getElementById('knowledge-solved');
  if (solved) {
    solved.addEventListener('submit', () => {
      for (const name of ['Input.SiteId', 'Input.IssueTypeId']) {
        const source = form.querySelector(`[name="${name}"]`);
        const target = solved.querySelector(`input[name="${name}"]`);
        if (source && target) {
          target.value = source.value;
        }
      }
    });
  }

  const later = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(suggest, 500);
  };
  for (const field of [title, description]) {
    if (field) {
      field.addEventListener('input', later);
    }
  }

  if (issueType) {
    issueType.addEventListener('change', later);
  }
})();
