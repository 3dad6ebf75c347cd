// Progressive help for the dimension pages: saves each answer as it changes, says next to the
// question whether it was saved (with a retry when it was not), sends edits still pending when
// the page is hidden or left, and applies the questionnaire's skip logic from the server's reply.
// Without this script the pages work the same, saving when "Save" is pressed.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch) return;
  var token = document.querySelector('meta[name="csrf-token"]').content;
  var intro = document.querySelector("[data-intro]");
  if (intro) intro.textContent = intro.getAttribute("data-intro");
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

  // The question's own status line: "Saved", or "Not saved" with a button to try again.
  function show(fieldset, state) {
    var status = fieldset.querySelector("[data-save-status]");
    status.setAttribute("data-state", state);
    status.textContent = "";
    if (state === "saved") {
      status.textContent = form.getAttribute("data-saved");
      return;
    }
    status.textContent = form.getAttribute("data-not-saved") + " — ";
    var retry = document.createElement("button");
    retry.type = "button";
    retry.className = "link";
    retry.textContent = form.getAttribute("data-retry");
    retry.addEventListener("click", function () { save(fieldset); });
    status.appendChild(retry);
  }

  function showError(fieldset, text) {
    var id = fieldset.getAttribute("data-question");
    var error = fieldset.querySelector(".error.live");
    if (!error) {
      error = document.createElement("p");
      error.className = "error live";
      error.id = "live-error-" + id;
      fieldset.insertBefore(error, fieldset.querySelector(".options, p:not(.help):not(.note):not(.status)"));
    }
    error.textContent = text || "";
  }

  // keepalive: the request outlives the page when it is being left. A save that got no answer
  // from the app (the network, or a proxy's 502 to 504 when a server instance went away) is sent
  // once more after a moment: saving the same answer twice changes nothing.
  function save(fieldset, keepalive, isRetry) {
    var id = fieldset.getAttribute("data-question");
    clearTimeout(timers[id]);
    delete timers[id];
    function again() {
      if (keepalive || isRetry) return show(fieldset, "error");
      return new Promise(function (resolve) { setTimeout(resolve, 500); }).then(function () {
        return save(fieldset, false, true);
      });
    }
    return fetch(form.getAttribute("data-autosave") + encodeURIComponent(id), {
      method: "POST",
      headers: { "X-CSRF-Token": token, "Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded" },
      body: fieldsOf(fieldset).toString(),
      credentials: "same-origin",
      keepalive: !!keepalive
    }).then(function (response) {
      if (response.status >= 502 && response.status <= 504) return again();
      return response.json().then(function (reply) {
        apply(reply);
        showError(fieldset, reply.error);
        show(fieldset, response.ok ? "saved" : "error");
      }, again);
    }, again);
  }

  // Edits typed but not yet sent (the short pause after typing) go at once when the page is left.
  function flush() {
    Object.keys(timers).forEach(function (id) {
      var fieldset = document.getElementById("question-" + id);
      if (fieldset) save(fieldset, true);
    });
  }
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") flush();
  });

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
