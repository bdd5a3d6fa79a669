// 后台任务: refresh the count of each running long task every 3 s from its progress URL, until it ends.
(function () {
  function fmt(s) {
    var text = s.done + (s.total !== null ? "/" + s.total : "") + " " + s.unit;
    if (s.percent !== null) text += "（" + s.percent + "%）";
    if (s.left_seconds !== null && !s.finished) text += "，剩余约 " + s.left_seconds + " 秒";
    return text;
  }
  function poll(row) {
    fetch(row.getAttribute("data-progress-url"), {headers: {"X-Requested-With": "XMLHttpRequest"}, credentials: "same-origin"})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s) return;
        row.querySelector("[data-field=status]").textContent = s.status_label;
        row.querySelector("[data-field=stage]").textContent = s.finished ? "" : s.stage;
        row.querySelector("[data-field=count]").textContent = fmt(s);
        var bar = row.querySelector("progress");
        if (bar && s.percent !== null) { bar.value = s.percent; bar.textContent = s.percent + "%"; }
        if (s.finished) { row.querySelector("[data-field=result]").textContent = s.result || "—"; return; }
        setTimeout(function () { poll(row); }, 3000);
      })
      .catch(function () { setTimeout(function () { poll(row); }, 10000); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("tr[data-progress-url]").forEach(poll);
  });
})();
