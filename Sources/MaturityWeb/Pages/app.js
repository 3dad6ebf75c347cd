// Progressive help for the dimension pages: saves each answer as it changes and applies the
// questionnaire's skip logic from the server's reply. Without this script the pages work the
// same, saving when the form is submitted.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch) return;
  var token = document.querySelector('meta[name="csrf-token"]').content;
  var status = document.querySelector("[data-save-status]");
  var timers = {};

  function fieldsOf(fieldset) {
    var data = new URLSearchParams();
    fieldset.querySelectorAll("input, select, textarea").forEach(function (input) {
      if (!input.name || input.name === "present") return;
      if ((input.type === "radio" || input.type === "checkbox") && !input.checked) return;
      data.append(input.name, input.value);
    });
    return data;
  }

  function apply(reply) {
    Object.keys(reply.relevant || {}).forEach(function (id) {
      var fieldset = document.getElementById("question-" + id);
      if (!fieldset) return;
      var relevant = reply.relevant[id];
      fieldset.hidden = !relevant;
      fieldset.disabled = !relevant;
    });
    Object.keys(reply.progress || {}).forEach(function (id) {
      var badge = document.querySelector('[data-progress="' + id + '"]');
      if (!badge) return;
      var progress = reply.progress[id];
      badge.textContent = progress.answered + "/" + progress.total;
      badge.classList.toggle("complete", progress.answered === progress.total);
    });
  }

  function save(fieldset) {
    var id = fieldset.getAttribute("data-question");
    fetch(form.getAttribute("data-autosave") + encodeURIComponent(id), {
      method: "POST",
      headers: { "X-CSRF-Token": token, "Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded" },
      body: fieldsOf(fieldset).toString(),
      credentials: "same-origin"
    }).then(function (response) {
      return response.json().then(function (reply) {
        apply(reply);
        var error = fieldset.querySelector(".error.live");
        if (!error) {
          error = document.createElement("p");
          error.className = "error live";
          error.id = "live-error-" + id;
          fieldset.insertBefore(error, fieldset.querySelector(".options, p:not(.help):not(.note)"));
        }
        error.textContent = reply.error || "";
        status.textContent = response.ok ? form.getAttribute("data-saved") || "✓" : "";
        status.setAttribute("data-state", response.ok ? "saved" : "error");
      });
    }).catch(function () {
      status.textContent = "";
      status.setAttribute("data-state", "offline");
    });
  }

  form.addEventListener("change", function (event) {
    var fieldset = event.target.closest("fieldset.question");
    if (fieldset) save(fieldset);
  });
  form.addEventListener("input", function (event) {
    var fieldset = event.target.closest("fieldset.question");
    if (!fieldset || event.target.type === "radio" || event.target.type === "checkbox") return;
    var id = fieldset.getAttribute("data-question");
    clearTimeout(timers[id]);
    timers[id] = setTimeout(function () { save(fieldset); }, 700);
  });
})();
