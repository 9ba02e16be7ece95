package dev.stagecheck.verdict;

import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.SiteProfile;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.url.UrlPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The profile's accept lines ({@code accept.N.kind}, {@code accept.N.url}, {@code accept.N.reason}):
 * problems the site's owner knows and keeps. The one rule of which finding is accepted, asked
 * wherever findings fail a test (the crawl, the server-log check, the guard of every test): a
 * finding whose kind and URL match a line is listed as accepted, once per run on the console, and
 * fails nothing; a finding of another kind on the same URL still fails. A line that matched
 * nothing in a run whose checks could have found it says so once at the end: the problem is fixed,
 * or the line is wrong.
 */
public final class AcceptedFindings {
    private static final Logger log = LoggerFactory.getLogger(AcceptedFindings.class);
    private static volatile AcceptedFindings ofThisRun;

    /**
     * The kinds a line may accept: those the crawl, the server-log check and the per-test guard
     * report as findings. A regression is never accepted by its own line: it follows the finding it
     * is about (see {@link #sort}).
     */
    static final List<FindingKind> ACCEPTABLE = java.util.stream.Stream.concat(CrawlVerdicts.KINDS.stream(),
            ServerLogWatch.KINDS.stream()).toList();

    /** The request target an access-log line (or an error line) names: what a Server log finding is about. */
    private static final Pattern LOGGED_REQUEST = Pattern.compile("\\b(?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) (\\S+)");

    /** One accept line: {@code accept.N}, its kind, its URL glob as written, and the owner's reason. */
    public record Line(int n, FindingKind kind, String glob, String reason) {
        public String key() {
            return "accept." + n;
        }

        /** "accept.1 (Broken link /legacy/*)" */
        public String describe() {
            return key() + " (" + kind.label() + " " + glob + ")";
        }

        /** The glob over whole URLs: a path glob is joined to the site's base URL, anything else used as written. */
        UrlPattern pattern() {
            return UrlPattern.of(glob.startsWith("/") ? TargetSite.resolve(glob) : glob);
        }
    }

    /** A finding an accept line covers. */
    public record Accepted(Finding finding, Line line) {
        /** "accepted: Broken link http://x/old (from http://x/docs/) document answered 404: kept for the archive (accept.1)" */
        public String text() {
            // No "Broken link: " label shape here: an accepted finding must never read as a failure.
            return "accepted: " + finding.kind().label() + " " + finding.url() + " (from " + finding.from() + ") "
                    + finding.evidence() + ": " + line.reason() + " (" + line.key() + ")";
        }
    }

    /** What a check's findings come to: the ones that fail it, and the accepted ones. */
    public record Sorted(List<Finding> failing, List<Accepted> accepted) {
        public Sorted {
            failing = List.copyOf(failing);
            accepted = List.copyOf(accepted);
        }

        /** The accepted findings as a text table for the report ("Accepted findings"). */
        public String table() {
            return accepted.stream().map(Accepted::text).collect(Collectors.joining("\n", "", "\n"));
        }
    }

    private final List<Line> lines;
    private final List<UrlPattern> patterns = new ArrayList<>();
    private final Set<Integer> matched = ConcurrentHashMap.newKeySet();
    private final Set<FindingKind> lookedFor = ConcurrentHashMap.newKeySet();
    private final Set<String> printed = ConcurrentHashMap.newKeySet();

    private AcceptedFindings(List<Line> lines) {
        this.lines = List.copyOf(lines);
    }

    /** The profile's accept lines; an unknown kind is refused with one line naming the key, the file and the kinds there are. */
    public static AcceptedFindings of(SiteProfile profile) {
        var lines = new ArrayList<Line>();
        for (var accept : profile.accepted()) {
            var kind = ACCEPTABLE.stream().filter(k -> k.label().equalsIgnoreCase(accept.kind().strip())).findFirst()
                    .orElseThrow(() -> new ConfigException(profile.file() + ": key accept." + accept.n() + ".kind = '" + accept.kind()
                            + "' is no finding kind that can be accepted: use one of " + ACCEPTABLE.stream().map(FindingKind::label)
                            .collect(Collectors.joining(", "))));
            lines.add(new Line(accept.n(), kind, accept.url(), accept.reason()));
        }
        return new AcceptedFindings(lines);
    }

    /**
     * Called when a run starts: forgets what the last run matched (several runs may share a JVM),
     * then reads this run's lines. Refused lines are refused again, with their one line, wherever
     * findings are sorted: every check that sorts them fails with it.
     */
    public static void startOfRun(SiteProfile profile) {
        forgetLastRun();
        ofThisRun = of(profile);
    }

    /** Before a run whose settings cannot even be read: nothing of the last run's lines may carry over. */
    public static void forgetLastRun() {
        ofThisRun = null;
    }

    /** This run's lines (read from the profile on first use when no run was started, as in a check run on its own). */
    public static AcceptedFindings ofThisRun(SiteProfile profile) {
        var run = ofThisRun;
        if (run == null) {
            synchronized (AcceptedFindings.class) {
                if (ofThisRun == null) {
                    ofThisRun = of(profile);
                }
                run = ofThisRun;
            }
        }
        return run;
    }

    public List<Line> lines() {
        return lines;
    }

    /**
     * Sorts a check's findings into failing and accepted, printing each accepted finding once per
     * run. {@code lookedFor}: the kinds this check looks for everywhere (the crawl: every kind of a
     * page; the log check: Server log), so a line of such a kind that matched nothing by the end
     * of the run means the problem is gone; the per-test guard sees only what its test opened and
     * passes none. A regression whose page (or sub-resource) is an accepted finding of the same
     * check is accepted with it: the owner's known problem does not regress the site either.
     */
    public Sorted sort(Collection<Finding> findings, Collection<FindingKind> lookedFor) {
        this.lookedFor.addAll(lookedFor);
        var failing = new ArrayList<Finding>();
        var accepted = new ArrayList<Accepted>();
        for (var finding : findings) {
            if (finding.kind() == FindingKind.REGRESSION) {
                continue;
            }
            line(finding).ifPresentOrElse(line -> accepted.add(new Accepted(finding, line)), () -> failing.add(finding));
        }
        for (var finding : findings) {
            if (finding.kind() == FindingKind.REGRESSION) {
                covering(finding, accepted).ifPresentOrElse(line -> accepted.add(new Accepted(finding, line)), () -> failing.add(finding));
            }
        }
        for (var each : accepted) {
            matched.add(each.line().n());
            if (printed.add(each.line().n() + " " + each.finding().kind() + " " + each.finding().url() + " " + each.finding().evidence())) {
                log.info(each.text());
            }
        }
        return new Sorted(failing, accepted);
    }

    /**
     * "accept.1 (Broken link /legacy/*) matched nothing this run: fixed? remove the accept line", one
     * per line of a kind some check of the run looked for everywhere and did not find there.
     */
    public List<String> unmatched() {
        return lines.stream().filter(line -> !matched.contains(line.n()) && lookedFor.contains(line.kind()))
                .map(line -> line.describe() + " matched nothing this run: fixed? remove the accept line").toList();
    }

    private Optional<Line> line(Finding finding) {
        var url = finding.kind() == FindingKind.SERVER_LOG ? loggedUrl(finding) : finding.url();
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            if (line.kind() == finding.kind() && pattern(i).matches(url)) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    private synchronized UrlPattern pattern(int index) {
        // Compiled on first use: a path glob needs the site's base URL, which may start the demo site.
        while (patterns.size() <= index) {
            patterns.add(lines.get(patterns.size()).pattern());
        }
        return patterns.get(index);
    }

    /** A log line is about the request it records: its target joined to the site; else the log itself. */
    private static String loggedUrl(Finding finding) {
        var request = LOGGED_REQUEST.matcher(finding.evidence());
        if (!request.find()) {
            return finding.url();
        }
        var target = request.group(1);
        return target.startsWith("/") ? TargetSite.resolve(target) : target;
    }

    /** The accept line of an accepted finding this regression is about, if any. */
    private static Optional<Line> covering(Finding regression, List<Accepted> accepted) {
        var subject = BaselineComparison.subject(regression);
        return accepted.stream()
                .filter(each -> subject.consoleErrors() == (each.finding().kind() == FindingKind.CONSOLE_ERROR))
                .filter(each -> sameUrl(subject.url(), each.finding().url()))
                .map(Accepted::line).findFirst();
    }

    /** A regression names URLs relative to the site; findings name them in full. */
    private static boolean sameUrl(String relative, String absolute) {
        return absolute.equals(relative) || absolute.equals(TargetSite.resolve(relative));
    }
}
