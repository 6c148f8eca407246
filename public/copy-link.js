// Progressive enhancement for share links on pages that ship no framework JavaScript.
for (const button of document.querySelectorAll("[data-copy-target]")) {
  const id = button.getAttribute("data-copy-target");
  const input = document.getElementById(id);
  const status = document.querySelector(`[data-copy-status="${id}"]`);
  if (!input || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(input.value);
    } catch {
      input.select();
      return;
    }
    if (status) status.textContent = button.getAttribute("data-copied");
  });
}
