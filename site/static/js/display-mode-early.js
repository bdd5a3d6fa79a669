// 适老化：在首次绘制前按已保存的选择设置字号与高对比度（无闪烁）；按钮与保存由 a11y.js（defer）处理。
(function () {
  try {
    var root = document.documentElement, font = localStorage.getItem("font");
    if (font === "font-lg" || font === "font-xl") root.classList.add(font);
    if (localStorage.getItem("contrast") === "1") root.classList.add("contrast");
  } catch (e) { /* 存储不可用（隐私模式）：使用标准显示 */ }
})();
