// Saves each tap on the participant's rating page in the background (the page works without it:
// every step is a plain form post). One capability card is posted at a time, in order.
const form = document.querySelector("form[data-autosave]");
const status = document.querySelector("[data-autosave-status]");
if (form && window.fetch) {
  let pending = Promise.resolve();
  let inFlight = 0;

  const show = (ok) => {
    if (status) status.textContent = (ok ? form.dataset.saved : form.dataset.failed) || "";
  };

  form.addEventListener("change", (event) => {
    const card = event.target.closest("[data-rating-card]");
    if (!card) return;
    // "Can't judge" and a level are exclusive: the latest choice wins.
    if (event.target.type === "checkbox" && event.target.checked) {
      for (const radio of card.querySelectorAll("input[type=radio]")) radio.checked = false;
    } else if (event.target.type === "radio") {
      const skip = card.querySelector("input[type=checkbox]");
      if (skip) skip.checked = false;
    }
    const body = new URLSearchParams();
    for (const field of card.querySelectorAll("input, textarea")) {
      if ((field.type === "radio" || field.type === "checkbox") && !field.checked) continue;
      body.append(field.name, field.value);
    }
    inFlight += 1;
    pending = pending.then(async () => {
      try {
        const response = await fetch(`${location.pathname}/save`, { method: "POST", body, headers: { Accept: "application/json" } });
        show(response.ok);
      } catch {
        show(false);
      } finally {
        inFlight -= 1;
      }
    });
  });

  // A background save must never land after the page's own post and overwrite it with an older
  // state: hold the post until every save already sent has finished.
  form.addEventListener("submit", (event) => {
    if (inFlight === 0) return;
    event.preventDefault();
    const submitter = event.submitter;
    pending.then(() => form.requestSubmit(submitter));
  });
}
