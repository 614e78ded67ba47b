// Scan-first pages (the scan flows and an audit), for keyboard-wedge barcode scanners that type a code and press Enter.
// Without this script each scan posts its form and the page comes back with the last result (Post/Redirect/Get). With it
// each scan posts the same form asking for JSON (the page handler's ScanReply), the result line is shown, coloured and
// announced (the region is role="status"), a short tone plays (a different one for a warning and a refusal), the count,
// the person chosen and "Undo last scan" follow the reply, and the scan field is ready again. Scans made while one is on
// its way are sent in turn, because each depends on the one before (the person chosen, the count).
(() => {
  const result = document.getElementById('scan-result');
  const forms = [...document.querySelectorAll('form[data-scan], form[data-scan-undo]')];
  if (!result || forms.length === 0 || !window.fetch || !window.FormData) {
    return;
  }

  const field = document.querySelector('[data-scan-field]');
  const prompt = document.querySelector('[data-scan-prompt]');
  const clearPerson = document.querySelector('[data-scan-clear-person]');
  const counter = document.querySelector('[data-scan-count]');
  const undo = document.querySelector('form[data-scan-undo]');
  const progress = document.querySelector('[data-progress]');

  let audio = null;
  const tones = {
    ok: [[880, 0.12, 'sine']],
    warning: [[660, 0.12, 'sine'], [880, 0.12, 'sine']],
    error: [[220, 0.2, 'square'], [165, 0.3, 'square']],
  };
  const beep = (tone) => {
    try {
      const Context = window.AudioContext || window.webkitAudioContext;
      if (!Context) {
        return;
      }

      audio = audio || new Context();
      let at = audio.currentTime;
      for (const [frequency, length, wave] of tones[tone] || tones.error) {
        const oscillator = audio.createOscillator();
        const gain = audio.createGain();
        oscillator.type = wave;
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.12, at);
        gain.gain.exponentialRampToValueAtTime(0.001, at + length);
        oscillator.connect(gain).connect(audio.destination);
        oscillator.start(at);
        oscillator.stop(at + length);
        at += length + 0.05;
      }
    } catch {
      // No sound: the line, its colour and the announcement still say how the scan went.
    }
  };

  const setState = (name, value) => {
    for (const input of document.querySelectorAll(`input[data-state="${name}"]`)) {
      input.value = value === null || value === undefined ? '' : String(value);
    }
  };

  const show = (reply) => {
    const tone = ['ok', 'warning', 'error'].includes(String(reply.tone).toLowerCase()) ? String(reply.tone).toLowerCase() : 'error';
    const line = document.createElement('p');
    line.className = 'scan-line';
    const word = document.createElement('strong');
    word.className = 'scan-tone';
    word.textContent = result.dataset[`tone${tone[0].toUpperCase()}${tone.slice(1)}`] || '';
    line.append(word, ' ', reply.line || '');
    const parts = [line];
    if (Array.isArray(reply.details) && reply.details.length > 0) {
      const list = document.createElement('ul');
      list.className = 'scan-details';
      for (const detail of reply.details) {
        const item = document.createElement('li');
        item.textContent = detail;
        list.append(item);
      }

      parts.push(list);
    }

    result.className = `scan-result tone-${tone}`;
    result.replaceChildren(...parts);
    void result.offsetWidth; // restarts the flash
    result.classList.add('flash');
    beep(tone);

    if (typeof reply.count === 'number') {
      setState('count', reply.count);
      if (counter) {
        counter.textContent = (reply.count === 1 ? counter.dataset.one : counter.dataset.other).replace('{0}', String(reply.count));
      }
    }

    if ('undoId' in reply && undo) {
      setState('undo', reply.undoId);
      undo.hidden = reply.undoId === null || reply.undoId === undefined;
    }

    if (typeof reply.person === 'string') {
      setState('person', reply.person);
      if (clearPerson) {
        clearPerson.hidden = reply.person === '';
      }
    }

    if (typeof reply.next === 'string') {
      setState('next', reply.next);
      if (prompt) {
        prompt.textContent = reply.next;
      }
    }

    if (reply.progress && progress) {
      const bar = progress.querySelector('progress');
      const label = progress.querySelector('[data-progress-label]');
      bar.max = Math.max(reply.progress.expected, 1);
      bar.value = reply.progress.found;
      bar.textContent = `${reply.progress.found} / ${reply.progress.expected}`;
      if (label && bar.dataset.template) {
        label.textContent = bar.dataset.template.replace('{0}', reply.progress.found).replace('{1}', reply.progress.expected).replace('{2}', reply.progress.unexpected);
      }
    }

    return tone;
  };

  const send = async (form, name, code) => {
    const body = new FormData(form);
    if (name) {
      body.set(name, code);
    }

    let reply = null;
    try {
      const response = await fetch(form.action, { method: 'POST', body, credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if ((response.headers.get('content-type') || '').includes('json')) {
        reply = await response.json();
      }
    } catch {
      reply = null;
    }

    const tone = show(reply || { tone: 'error', line: result.dataset.failed, details: [] });
    if (tone !== 'error' && form.hasAttribute('data-scan')) {
      // Check-in: the next device starts at condition A with no notes; the accessories stay chosen.
      for (const choice of form.querySelectorAll('input[data-default]')) {
        choice.checked = true;
      }

      for (const input of form.querySelectorAll('[data-scan-reset]')) {
        input.value = '';
      }
    }
  };

  let queue = Promise.resolve();
  for (const form of forms) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const input = form.querySelector('[data-scan-field]');
      const code = input ? input.value.trim() : '';
      if (input) {
        input.value = '';
        if (code === '') {
          input.focus();
          return;
        }
      }

      queue = queue.then(() => send(form, input ? input.name : null, code)).then(() => {
        if (field) {
          field.focus();
        }
      });
    });
  }

  if (clearPerson) {
    clearPerson.addEventListener('click', (event) => {
      event.preventDefault();
      setState('person', '');
      setState('next', clearPerson.dataset.prompt);
      if (prompt) {
        prompt.textContent = clearPerson.dataset.prompt;
      }

      clearPerson.hidden = true;
      if (field) {
        field.focus();
      }
    });
  }
})();
