package dev.stagecheck.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * All public text of the demo: the home page and three sections of four pages each. Fixed, so
 * tests can rely on what a search finds (e.g. "pricing" finds {@code /products/pricing}).
 */
final class SiteContent {

    static final ContentPage HOME = new ContentPage("/", PageTitle.of("Home"), "Welcome to Demo Staging",
            "The home page of the demo staging site.",
            List.of("Demo Staging is a small, well-behaved web site that stagecheck tests by default. It has "
                            + "public pages, a member area behind a login form, an admin area behind HTTP Basic "
                            + "authentication, a JSON API that wants a key, a contact form and a site search.",
                    "Browse the products, read the docs or learn about the company. Nothing here is real, "
                            + "so click around as much as you like."));

    static final List<Section> SECTIONS = List.of(
            section("products", "Products", "Three boxes on a shelf",
                    "Three widgets for every size of team, and one simple price list.",
                    List.of("Our widgets take the busywork out of release day. Pick the one that fits your team "
                            + "and upgrade whenever you grow."),
                    page("alpha", "Alpha", "The entry-level widget for small teams.",
                            "Alpha is the widget we recommend to teams trying staging checks for the first time. "
                                    + "It runs a short checklist on every deploy and tells you in plain words what "
                                    + "broke.",
                            "Alpha keeps the last thirty runs, sends a daily summary e-mail and needs no "
                                    + "configuration beyond the address of your staging site."),
                    page("beta", "Beta", "The widget for growing teams with several environments.",
                            "Beta adds environments: point it at staging, preview and production and compare "
                                    + "their results side by side before you promote a build.",
                            "It also understands logins, so the member pages of your site are checked with a "
                                    + "real session rather than skipped."),
                    page("gamma", "Gamma", "The widget for organisations with strict release rules.",
                            "Gamma is for organisations that sign off every release. It keeps an audit trail of "
                                    + "every run, who started it and which checks were waived.",
                            "Gamma ships with single sign-on, role-based access and a retention policy that "
                                    + "matches most compliance regimes."),
                    page("pricing", "Pricing", "What the widgets cost per month.",
                            "Alpha is free for up to three projects. Beta costs 29 euros per project and month, "
                                    + "Gamma 99 euros per project and month, billed yearly.",
                            "Every plan includes unlimited runs and e-mail support. Non-profits and schools get "
                                    + "Beta for free; write to us through the contact form.")),
            section("docs", "Docs", "Stacked pages of documentation",
                    "Guides and references for installing, running and scripting the widgets.",
                    List.of("Start with the getting-started guide, then install a widget on your own machine. The "
                            + "FAQ answers the questions we hear most; the API guide is for scripting."),
                    page("getting-started", "Getting started", "Your first checklist run in ten minutes.",
                            "Getting started takes about ten minutes. Create a project, enter the address of "
                                    + "your staging site and press Run to get your first checklist report.",
                            "The report lists every page visited, every form submitted and every request that "
                                    + "answered with an error, with a screenshot of each failure."),
                    page("install", "Install", "Installing a widget on Linux, macOS or Windows.",
                            "Install the widget with your package manager or download the archive and unpack it "
                                    + "anywhere on your path. It needs Java 17 and a Chromium-based browser.",
                            "After the install, run the self-check once: it confirms the browser starts and the "
                                    + "network allows your staging site."),
                    page("faq", "FAQ", "Frequently asked questions and short answers.",
                            "Why does a page report 401 Unauthorized? The page wanted credentials that the "
                                    + "checklist did not send. Add them to the site profile as environment variables.",
                            "Can I run checks in parallel? Yes: each browser gets its own session, and reports "
                                    + "are merged at the end of the run."),
                    page("api-guide", "API guide", "Calling the orders API with an API key.",
                            "The orders API answers at /api/orders with a JSON list. Send your key in the "
                                    + "X-API-Key header or as a Bearer token in the Authorization header.",
                            "A request without a key or with a wrong key gets 401 with a Bearer challenge. "
                                    + "The status endpoint at /api/status needs no key.")),
            section("company", "Company", "Three office buildings",
                    "Who we are, who works here, and how to join us.",
                    List.of("We are a small company of testers and developers who got tired of finding broken "
                            + "logins after a release, and built widgets to find them first."),
                    page("about", "About", "Our story since the first widget.",
                            "Demo Widgets was founded by three testers who spent one release night too many "
                                    + "clicking through a staging site by hand.",
                            "Today we help hundreds of teams check their sites before every release, from "
                                    + "two-person start-ups to public agencies."),
                    page("team", "Team", "The people behind the widgets.",
                            "Our team of twelve works from four cities. Half of us write code, the other half "
                                    + "test it, and everybody answers support mail one day a week.",
                            "We meet in person twice a year, usually somewhere with good coffee and bad Wi-Fi."),
                    page("careers", "Careers", "Open positions and how we hire.",
                            "We are hiring a test automation engineer and a technical writer. Both roles are "
                                    + "remote-friendly within European time zones.",
                            "Our hiring process has three steps: a short call, a paid take-home task and a "
                                    + "conversation with the team."),
                    page("press", "Press", "News, logos and press contacts.",
                            "Press kit, logos and product screenshots are available on request through the "
                                    + "contact form.",
                            "Latest news: Beta now checks member areas with a real login, and Gamma passed its "
                                    + "first external security audit.")));

    private SiteContent() {
    }

    /** Home, then each section's index and pages: everything search looks through, in menu order. */
    static List<ContentPage> allPages() {
        List<ContentPage> all = new ArrayList<>();
        all.add(HOME);
        for (Section section : SECTIONS) {
            all.add(section.index());
            all.addAll(section.pages());
        }
        return List.copyOf(all);
    }

    /** A page of a section before its section is known; {@link #section} fills in path and title. */
    private record Draft(String slug, String heading, String summary, List<String> paragraphs) {
    }

    private static Draft page(String slug, String heading, String summary, String... paragraphs) {
        return new Draft(slug, heading, summary, List.of(paragraphs));
    }

    private static Section section(String slug, String name, String imageAlt, String summary,
                                   List<String> introParagraphs, Draft... drafts) {
        ContentPage index = new ContentPage("/" + slug + "/", PageTitle.of(name), name, summary, introParagraphs);
        List<ContentPage> pages = new ArrayList<>();
        for (Draft draft : drafts) {
            pages.add(new ContentPage("/" + slug + "/" + draft.slug(), PageTitle.of(draft.heading(), name),
                    draft.heading(), draft.summary(), draft.paragraphs()));
        }
        return new Section(slug, index, imageAlt, pages);
    }
}
