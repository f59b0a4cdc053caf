// Fields that take several codes separated by commas ("14030, 11220") suggest from a <datalist>.
// Browsers match the whole value against the list, so after the first comma nothing is suggested;
// this module rewrites the options to start with what is already typed, so each code gets suggestions.
// Without it the field works the same, with suggestions for the first code only.
for (const input of document.querySelectorAll('input[data-code-list][list]')) {
  const list = document.getElementById(input.getAttribute('list'));
  if (!list) {
    continue;
  }

  const codes = Array.from(list.options, (option) => [option.value, option.textContent]);
  let shownPrefix = '';
  input.addEventListener('input', () => {
    const cut = input.value.lastIndexOf(',');
    const prefix = cut < 0 ? '' : input.value.slice(0, cut + 1).trimEnd() + ' ';
    if (prefix === shownPrefix) {
      return;
    }

    shownPrefix = prefix;
    list.replaceChildren(...codes.map(([code, name]) => {
      const option = document.createElement('option');
      option.value = prefix + code;
      option.textContent = name;
      return option;
    }));
  });
}
