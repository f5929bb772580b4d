// The language picker: reloads the page in the chosen language (?lang=…), which the server remembers.
export function bindLanguage(select) {
  select.addEventListener('change', () => {
    const url = new URL(location.href);
    url.searchParams.set('lang', select.value);
    location.assign(url.toString());
  });
}
