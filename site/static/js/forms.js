// 公开表单：提交未成功时，把焦点移到页首的错误汇总（读屏软件随即读出“有几处需要修改”）；
// 点汇总里的链接时，聚焦对应的输入框（单选、多选题为第一个选项），并让它的标签或题目一同可见。
(function () {
  var summary = document.getElementById("error-summary");
  if (!summary) return;
  summary.focus();
  summary.addEventListener("click", function (e) {
    var link = e.target.closest("a[href^='#']");
    if (!link) return;
    var input = document.getElementById(link.getAttribute("href").slice(1));
    if (!input) return;
    e.preventDefault();
    (input.closest(".form-row") || input).scrollIntoView();
    input.focus({ preventScroll: true });
  });
})();
