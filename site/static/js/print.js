// 打印版: open the print dialog once the page has loaded (a file, not inline: the CSP allows no inline script)
window.addEventListener("load", function () { window.print(); });
