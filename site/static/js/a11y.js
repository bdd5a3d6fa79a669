// 适老化：字号切换与高对比度，记住选择；全部按钮可用键盘操作（原生 button）。
(function () {
  var root = document.documentElement, sizes = ["", "font-lg", "font-xl"];
  function apply() {
    sizes.forEach(function (c) { if (c) root.classList.remove(c); });
    var s = localStorage.getItem("font") || ""; if (s) root.classList.add(s);
    var hc = localStorage.getItem("contrast") === "1";
    root.classList.toggle("contrast", hc);
    var btn = document.querySelector("[data-contrast]"); if (btn) btn.setAttribute("aria-pressed", hc ? "true" : "false");
  }
  document.addEventListener("click", function (e) {
    var t = e.target.closest("[data-font],[data-contrast]"); if (!t) return;
    if (t.hasAttribute("data-contrast")) { localStorage.setItem("contrast", localStorage.getItem("contrast") === "1" ? "0" : "1"); }
    else {
      var i = sizes.indexOf(localStorage.getItem("font") || ""), d = t.getAttribute("data-font");
      i = d === "up" ? Math.min(i + 1, 2) : d === "down" ? Math.max(i - 1, 0) : 0;
      localStorage.setItem("font", sizes[i]);
    }
    apply();
  });
  apply();
})();
