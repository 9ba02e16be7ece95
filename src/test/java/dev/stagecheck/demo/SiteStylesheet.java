package dev.stagecheck.demo;

/**
 * {@code /assets/site.css}. Mobile first: below 768px the main menu hides behind the "Menu"
 * button until {@code #site-nav} gets the class {@code open}; from 768px the button is gone and
 * the menu sits inline. Nothing may be wider than a 390px phone screen.
 */
final class SiteStylesheet {

    static final String CSS = """
            :root {
              --ink: #1f2937;
              --muted: #4b5563;
              --paper: #f8fafc;
              --surface: #ffffff;
              --line: #e2e8f0;
              --brand: #2563eb;
              --brand-dark: #1d4ed8;
              --error: #b91c1c;
              --ok: #047857;
              --page: 64rem;
              --gutter: 1rem;
            }
            *, *::before, *::after { box-sizing: border-box; }
            html { -webkit-text-size-adjust: 100%; }
            body {
              margin: 0;
              font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
              color: var(--ink);
              background: var(--paper);
              overflow-wrap: break-word;
            }
            img { max-width: 100%; height: auto; }
            a { color: var(--brand-dark); }
            a:hover { color: var(--ink); }
            :focus-visible { outline: 3px solid #93c5fd; outline-offset: 2px; }

            /* Header: brand, account link and Menu on the first row, search below, menu when open. */
            .site-header {
              display: flex;
              flex-wrap: wrap;
              align-items: center;
              gap: .5rem 1rem;
              padding: .75rem max(var(--gutter), calc((100% - var(--page)) / 2));
              background: var(--surface);
              border-bottom: 1px solid var(--line);
            }
            .brand {
              order: 1;
              flex: 1 1 auto;
              display: inline-flex;
              align-items: center;
              gap: .5rem;
              font-weight: 700;
              font-size: 1.125rem;
              color: var(--ink);
              text-decoration: none;
            }
            .login-link, .logout-link { order: 2; white-space: nowrap; }
            .menu-toggle {
              order: 3;
              font: inherit;
              padding: .35rem .8rem;
              border: 1px solid var(--line);
              border-radius: .4rem;
              background: var(--paper);
              color: var(--ink);
              cursor: pointer;
            }
            .site-search { order: 4; flex: 1 1 100%; display: flex; gap: .5rem; min-width: 0; }
            .site-search input { flex: 1 1 auto; min-width: 0; }
            .site-search button { flex: none; white-space: nowrap; }
            .site-nav { order: 5; flex: 1 1 100%; display: none; }
            .site-nav.open { display: flex; flex-direction: column; }
            .site-nav a {
              padding: .5rem 0;
              border-top: 1px solid var(--line);
              color: var(--ink);
              text-decoration: none;
              font-weight: 500;
            }
            .site-nav a[aria-current="page"] { color: var(--brand-dark); }

            @media (min-width: 768px) {
              .menu-toggle { display: none; }
              .brand { flex: 0 0 auto; }
              .site-nav, .site-nav.open {
                order: 2;
                flex: 1 1 auto;
                display: flex;
                flex-direction: row;
                gap: 1.25rem;
              }
              .site-nav a { border-top: 0; padding: .25rem 0; }
              .site-nav a:hover, .site-nav a[aria-current="page"] { box-shadow: inset 0 -2px 0 var(--brand); }
              .site-search { order: 3; flex: 0 1 16rem; }
              .login-link, .logout-link { order: 4; }
            }

            input, textarea, button { font: inherit; }
            input, textarea {
              padding: .45rem .6rem;
              border: 1px solid #cbd5e1;
              border-radius: .4rem;
              background: var(--surface);
              color: var(--ink);
              max-width: 100%;
            }
            button[type="submit"] {
              padding: .45rem 1rem;
              border: 0;
              border-radius: .4rem;
              background: var(--brand);
              color: #fff;
              cursor: pointer;
            }
            button[type="submit"]:hover { background: var(--brand-dark); }

            main {
              display: block;
              max-width: calc(var(--page) + 2 * var(--gutter));
              margin: 0 auto;
              padding: 1.5rem var(--gutter) 3rem;
            }
            /* "anywhere": a long search query echoed in the heading must wrap, not widen the page. */
            h1 { font-size: clamp(1.6rem, 4vw, 2.2rem); line-height: 1.2; margin: .5rem 0 1rem; overflow-wrap: anywhere; }
            h2 { font-size: 1.25rem; margin: .75rem 0 .25rem; }
            .lead { font-size: 1.125rem; color: var(--muted); }

            .cards { list-style: none; padding: 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); }
            .card { background: var(--surface); border: 1px solid var(--line); border-radius: .75rem; padding: 1rem; }
            .card img { display: block; border-radius: .5rem; }

            .section-layout { display: grid; gap: 1.5rem; }
            .section-image { display: block; border-radius: .75rem; margin-bottom: 1rem; }
            .section-nav {
              background: var(--surface);
              border: 1px solid var(--line);
              border-radius: .75rem;
              padding: 1rem;
              align-self: start;
            }
            .section-nav-title { margin: 0 0 .5rem; font-weight: 700; }
            .section-nav ul { list-style: none; margin: 0; padding: 0; }
            .section-nav li a { display: block; padding: .3rem 0; }
            .section-nav a[aria-current="page"] { font-weight: 700; color: var(--ink); }
            @media (min-width: 768px) {
              .section-layout { grid-template-columns: minmax(0, 1fr) 14rem; }
            }
            .page-list li, .result-list li { margin: .35rem 0; }
            .summary { color: var(--muted); }

            form .field { display: flex; flex-direction: column; gap: .25rem; max-width: 32rem; }
            .field-error { color: var(--error); font-size: .925rem; }
            [aria-invalid="true"] { border-color: var(--error); }
            .form-errors, .login-error {
              color: var(--error);
              background: #fef2f2;
              border: 1px solid #fecaca;
              border-radius: .5rem;
              padding: .6rem .8rem;
              max-width: 32rem;
            }
            .confirmation {
              color: var(--ok);
              background: #ecfdf5;
              border: 1px solid #a7f3d0;
              border-radius: .5rem;
              padding: .8rem 1rem;
            }
            .member-greeting { font-weight: 600; }
            .member-nav { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1rem 0; }
            .table-wrap { overflow-x: auto; }
            .orders { border-collapse: collapse; width: 100%; background: var(--surface); }
            .orders th, .orders td { text-align: left; padding: .5rem .75rem; border-bottom: 1px solid var(--line); }
            .profile dt { font-weight: 600; }
            .profile dd { margin: 0 0 .75rem; }

            .site-footer {
              border-top: 1px solid var(--line);
              color: var(--muted);
              font-size: .9rem;
              padding: 1rem max(var(--gutter), calc((100% - var(--page)) / 2));
            }
            """;

    private SiteStylesheet() {
    }
}
