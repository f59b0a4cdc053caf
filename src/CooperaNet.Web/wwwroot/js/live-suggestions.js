// While the author writes the title and description, proposes DAC sectors and SDGs from the text
// (POST /api/v1/suggest/classification, in the language chosen in the form) with a button to add
// each code to its field. Without JavaScript the form's Suggest button does the same on the server.
// A form whose fields have other ids names them on the panel (data-title-field, data-text-field), and
// data-language gives a fixed language instead of a language field.
const panel = document.getElementById('live-suggestions');
const title = document.getElementById(panel?.dataset.titleField ?? 'Form_Title');
const description = document.getElementById(panel?.dataset.textField ?? 'Form_Description');
const language = panel?.dataset.language ? { value: panel.dataset.language, addEventListener: () => {} } : document.getElementById('Form_Language');
const fields = { sectors: document.getElementById('Form_Sectors'), sdgs: document.getElementById('Form_Sdgs') };

if (panel && title && description && language && fields.sectors && fields.sdgs) {
  const labels = panel.dataset;
  let timer = 0;
  let asked = '';
  let controller = null;

  const codesIn = (input) => input.value.split(',').map((code) => code.trim()).filter((code) => code.length > 0);

  const addTo = (input, code) => {
    const codes = codesIn(input);
    if (!codes.includes(code)) {
      codes.push(code);
      input.value = codes.join(', ');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
  };

  const list = (heading, items, input) => {
    const group = document.createElement('div');
    const caption = document.createElement('p');
    caption.textContent = heading;
    const ul = document.createElement('ul');
    ul.className = 'suggestion-list';
    for (const item of items) {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'button secondary small';
      const added = () => {
        button.disabled = true;
        button.textContent = `${labels.added} ${item.code}`;
      };
      button.textContent = `${labels.add} ${item.code}`;
      button.setAttribute('aria-label', `${labels.add} ${item.code} ${item.name}`);
      if (codesIn(input).includes(item.code)) {
        added();
      }

      button.addEventListener('click', () => {
        addTo(input, item.code);
        added();
      });
      const name = document.createElement('span');
      name.textContent = ` ${item.name}`;
      li.append(button, name);
      ul.append(li);
    }

    group.append(caption, ul);
    return group;
  };

  const show = (result) => {
    const body = panel.querySelector('.live-body');
    if (result.sectors.length === 0 && result.sdgs.length === 0) {
      const none = document.createElement('p');
      none.textContent = labels.none;
      body.replaceChildren(none);
    } else {
      body.replaceChildren(list(labels.sectors, result.sectors, fields.sectors), list(labels.sdgs, result.sdgs, fields.sdgs));
    }

    panel.hidden = false;
  };

  const ask = async () => {
    const request = { title: title.value.trim(), description: description.value.trim(), language: language.value };
    const key = JSON.stringify(request);
    if (key === asked || request.title.length + request.description.length < 12) {
      return;
    }

    asked = key;
    controller?.abort();
    controller = new AbortController();
    try {
      const response = await fetch('/api/v1/suggest/classification', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: key,
        signal: controller.signal,
      });
      if (response.ok) {
        show(await response.json());
      }
    } catch (error) {
      if (error.name !== 'AbortError') {
        asked = '';
      }
    }
  };

  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(ask, 500);
  };

  title.addEventListener('input', later);
  description.addEventListener('input', later);
  language.addEventListener('change', later);
}
