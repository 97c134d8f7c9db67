(() => {
  if (window.__soestToetsen) return;
  window.__soestToetsen = true;
  document.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.target.closest("input, textarea, select, [role=combobox]")) return;
    const richting = {ArrowRight: "volgende", ArrowLeft: "vorige"}[e.key];
    const link = richting && document.querySelector(`.st-key-presentatie-${richting} button`);
    if (link) { e.preventDefault(); link.click(); }
  });
})();
