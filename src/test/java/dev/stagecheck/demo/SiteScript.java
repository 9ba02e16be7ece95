package dev.stagecheck.demo;

/**
 * {@code /assets/site.js}: the hamburger. Clicking {@code .menu-toggle} toggles {@code open} on
 * {@code #site-nav} and keeps {@code aria-expanded} in step; Escape closes an open menu. It
 * guards every look-up, because a console error would fail the kit's own checks.
 */
final class SiteScript {

    static final String JS = """
            (function () {
              "use strict";
              var toggle = document.querySelector(".menu-toggle");
              var nav = document.getElementById("site-nav");
              if (!toggle || !nav) {
                return;
              }
              function setOpen(open) {
                nav.classList.toggle("open", open);
                toggle.setAttribute("aria-expanded", open ? "true" : "false");
              }
              toggle.addEventListener("click", function () {
                setOpen(!nav.classList.contains("open"));
              });
              document.addEventListener("keydown", function (event) {
                if (event.key === "Escape" && nav.classList.contains("open")) {
                  setOpen(false);
                  toggle.focus();
                }
              });
            })();
            """;

    private SiteScript() {
    }
}
