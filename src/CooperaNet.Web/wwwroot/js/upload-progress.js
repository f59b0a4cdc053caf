// A form marked data-upload-progress sends its file with the upload's progress shown in its
// <progress>, then shows the server's answer as the page. Without JavaScript the form posts as usual.
const form = document.querySelector('form[data-upload-progress]');
const status = form?.querySelector('[data-upload-status]');
const bar = status?.querySelector('progress');
const reading = status?.querySelector('[data-upload-reading]');

if (form && status && bar && reading && window.FormData && window.XMLHttpRequest) {
  form.addEventListener('submit', (event) => {
    const file = form.querySelector('input[type="file"]');
    if (!file || file.files.length === 0) {
      return;
    }

    event.preventDefault();
    const data = new FormData(form);
    const request = new XMLHttpRequest();
    const action = event.submitter?.getAttribute('formaction') ?? form.getAttribute('action') ?? window.location.href;
    request.open('POST', action);
    status.hidden = false;
    bar.value = 0;
    form.querySelectorAll('button').forEach((button) => { button.disabled = true; });
    request.upload.addEventListener('progress', (progress) => {
      if (progress.lengthComputable) {
        bar.value = Math.round((100 * progress.loaded) / progress.total);
      }
    });
    request.upload.addEventListener('load', () => {
      bar.value = 100;
      reading.hidden = false;
    });
    request.addEventListener('load', () => {
      document.open();
      document.write(request.responseText);
      document.close();
    });
    request.addEventListener('error', () => form.submit());
    request.send(data);
  });
}
