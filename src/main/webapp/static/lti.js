// Behaviour of Calibrate's server-rendered LTI pages, configured by data attributes (no inline script).
(function () {
  "use strict";

  function autosubmit() {
    var form = document.querySelector("form[data-autosubmit]");
    if (form) { form.submit(); }
  }

  // LTI platform storage (1EdTech LTI Client Side postMessages): talk to the platform's storage frame.
  function storageFrame(target) {
    var parentWindow = window.opener || window.parent;
    if (!target || target === "_parent") { return parentWindow; }
    try { return parentWindow.frames[target] || parentWindow; } catch (e) { return parentWindow; }
  }

  function postToStorage(subject, origin, target, payload, timeoutMs) {
    return new Promise(function (resolve, reject) {
      var messageId = "calibrate-" + Math.random().toString(36).slice(2);
      var timer = setTimeout(function () {
        window.removeEventListener("message", onMessage);
        reject(new Error("timeout"));
      }, timeoutMs);
      function onMessage(event) {
        if (event.origin !== origin || !event.data || event.data.message_id !== messageId) { return; }
        clearTimeout(timer);
        window.removeEventListener("message", onMessage);
        if (event.data.error) { reject(new Error(event.data.error.code || "error")); } else { resolve(event.data); }
      }
      window.addEventListener("message", onMessage);
      var message = Object.assign({ subject: subject, message_id: messageId }, payload);
      storageFrame(target).postMessage(message, origin);
    });
  }

  function show(id) {
    var el = document.getElementById(id);
    if (el) { el.hidden = false; var focus = el.querySelector("a,button"); if (focus) { focus.focus(); } }
  }

  // Login: check that the state cookie (or platform storage) works, then go to the platform.
  function login(el) {
    var authUrl = el.getAttribute("data-auth-url");
    var storageTarget = el.getAttribute("data-storage-target");
    var origin = el.getAttribute("data-platform-origin");
    var probe = el.getAttribute("data-cookie-probe");
    var cookieWorks = probe && document.cookie.indexOf(probe + "=1") >= 0;
    if (storageTarget && origin) {
      postToStorage("lti.put_data", origin, storageTarget,
        { key: el.getAttribute("data-storage-key"), value: el.getAttribute("data-storage-value") }, 2000)
        .then(function () { window.location.replace(authUrl); })
        .catch(function () { if (cookieWorks) { window.location.replace(authUrl); } else { show("new-window"); } });
      return;
    }
    if (cookieWorks) { window.location.replace(authUrl); } else { show("new-window"); }
  }

  // Launch without cookie: read the login's secret back from platform storage and confirm it.
  function launchCheck(el) {
    var origin = el.getAttribute("data-platform-origin");
    postToStorage("lti.get_data", origin, el.getAttribute("data-storage-target"),
      { key: el.getAttribute("data-storage-key") }, 2000)
      .then(function (reply) {
        var form = document.getElementById("storage-confirm");
        form.elements.value.value = reply.value || "";
        form.submit();
      })
      .catch(function () { show("new-window"); });
  }

  // Dynamic Registration §3.7: ask the LMS to close the registration frame or pop-up.
  function registrationClose(button) {
    button.addEventListener("click", function () {
      (window.opener || window.parent).postMessage({ subject: "org.imsglobal.lti.close" }, "*");
    });
    button.focus();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var close = document.getElementById("lti-registration-close");
    if (close) { registrationClose(close); return; }
    var el = document.getElementById("lti-login");
    if (el) { login(el); return; }
    el = document.getElementById("lti-storage-check");
    if (el) { launchCheck(el); return; }
    autosubmit();
  });
})();
