// dondoc page helpers: CSRF header on htmx requests, charts from JSON in the page, review-table
// conveniences. No framework; everything works without it except the charts.
(function () {
  "use strict";
  function csrf() {
    var m = document.querySelector('meta[name="csrf-token"]');
    return m ? m.getAttribute("content") : "";
  }
  document.addEventListener("htmx:configRequest", function (e) {
    e.detail.headers["X-CSRF-Token"] = csrf();
  });

  // Charts: <canvas data-chart="ID"> with <script type="application/json" id="ID">{config}</script>.
  function drawCharts() {
    if (typeof Chart === "undefined") return;
    document.querySelectorAll("canvas[data-chart]").forEach(function (c) {
      if (c.dataset.drawn) return;
      var src = document.getElementById(c.dataset.chart);
      if (!src) return;
      var cfg = JSON.parse(src.textContent);
      cfg.options = cfg.options || {};
      cfg.options.maintainAspectRatio = false;
      cfg.options.animation = false;
      new Chart(c, cfg);
      c.dataset.drawn = "1";
    });
  }

  // Review: clicking a task in the document scrolls to its row, and back.
  function linkReview() {
    document.querySelectorAll("[data-goto]").forEach(function (el) {
      el.addEventListener("click", function (ev) {
        var target = document.getElementById(el.dataset.goto);
        if (!target) return;
        ev.preventDefault();
        document.querySelectorAll(".active").forEach(function (x) { x.classList.remove("active"); });
        target.classList.add("active");
        target.scrollIntoView({ block: "center" });
      });
    });
  }

  // Confirmations for destructive buttons: <button data-confirm="Xóa nhiệm vụ này?">.
  document.addEventListener("click", function (ev) {
    var b = ev.target.closest("[data-confirm]");
    if (b && !window.confirm(b.dataset.confirm)) ev.preventDefault();
  });

  // Upload progress: a form with data-progress shows "Đang tải lên… N%" while sending.
  function uploadProgress() {
    document.querySelectorAll("form[data-progress]").forEach(function (f) {
      f.addEventListener("submit", function () {
        var out = document.getElementById(f.dataset.progress);
        if (out) out.textContent = "Đang tải lên và đọc văn bản…";
        f.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
      });
    });
  }

  function init() { drawCharts(); linkReview(); uploadProgress(); }
  document.addEventListener("DOMContentLoaded", init);
  document.addEventListener("htmx:afterSettle", init);
  window.addEventListener("load", drawCharts);
})();
