// The share links' address sits in a read-only field that anyone can select and copy. Where the browser
// offers the clipboard, a button next to it copies the address and says so in a status message.
for (const button of document.querySelectorAll('button[data-copy]')) {
  const field = document.getElementById(button.dataset.copy);
  const status = button.parentElement?.querySelector('[data-copy-status]');
  if (!field || !status || !navigator.clipboard) {
    continue;
  }

  button.hidden = false;
  button.addEventListener('click', async () => {
    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
      status.textContent = button.dataset.done ?? '';
    } catch {
      // The field stays selected, ready to copy by hand.
    }
  });
}
