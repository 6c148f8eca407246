// Copy buttons for share and invite links, on every page, with or without React: one delegated
// listener, and a flag on <html> that CSS uses to show the buttons only where copying works.
if (navigator.clipboard) {
  document.documentElement.setAttribute("data-copy-ready", "");
  document.addEventListener("click", async (event) => {
    const button = event.target instanceof Element ? event.target.closest("[data-copy-target]") : null;
    if (!button) return;
    const id = button.getAttribute("data-copy-target");
    const input = document.getElementById(id);
    const status = document.querySelector(`[data-copy-status="${id}"]`);
    if (!input) return;
    try {
      await navigator.clipboard.writeText(input.value);
      if (status) status.textContent = button.getAttribute("data-copied");
    } catch {
      input.select();
    }
  });
}
