// 打印版: the 打印 button opens the print dialog (the reader chooses to print; the page never does it by itself).
// A file, not inline: the CSP allows no inline script.
document.addEventListener("click", function (e) {
  if (e.target.closest("[data-print]")) window.print();
});
