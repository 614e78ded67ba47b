// Suggests knowledge base articles while a request is typed on the Ask-for-help form. Without script the first send shows
// the same suggestions as a step of its own; with it they appear under the form as the title and description are typed,
// so the send goes straight through (SuggestionsSeen).
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
      return;
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
      }
    } catch {
      // Offline or refused: the send shows the suggestions step instead.
    }
  };

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
