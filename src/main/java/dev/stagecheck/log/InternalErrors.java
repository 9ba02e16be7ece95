package dev.stagecheck.log;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.FileAppender;
import dev.stagecheck.config.OneLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reports an internal error, a bug of the kit's rather than bad input: one line on the console,
 * {@code stagecheck: internal error in <where>: <message> (stack trace in reports/stagecheck.log)},
 * and the stack trace in the log file only, so the console stays readable and the trace is there
 * for the bug report.
 *
 * <p>Each message, of the error and of its causes, passes the caller's {@code shown} rule before
 * it is printed or logged: the log file is kept like every other output, with no secret in it.
 */
public final class InternalErrors {
    /** For messages that can only hold file paths and the kit's own words. */
    public static final UnaryOperator<String> AS_IS = UnaryOperator.identity();
    /** For code that holds a secret no URL rule can tell (a webhook's token in its path): class names and frames only. */
    public static final UnaryOperator<String> NO_MESSAGES = message -> null;

    private static final Pattern URL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s'\"<>]+");
    private static final Logger log = LoggerFactory.getLogger(InternalErrors.class);
    /** Routed to the log file only (logback.xml): the console never shows a stack trace. */
    private static final Logger traces = LoggerFactory.getLogger("stagecheck.stack-traces");

    private InternalErrors() {
    }

    /** Every URL in a message as {@code safeUrl} shows it, e.g. {@code urlsThrough(SafeUrl::of)}; the rest as it is. */
    public static UnaryOperator<String> urlsThrough(UnaryOperator<String> safeUrl) {
        return message -> message == null ? null
                : URL.matcher(message).replaceAll(found -> Matcher.quoteReplacement(safeUrl.apply(found.group())));
    }

    /**
     * Prints the line (ERROR, on stderr) and writes the trace to the log file.
     *
     * @param where what the kit was doing, e.g. "the preflight" or "sending the failure notice"
     * @param shown what of a message may be printed and logged: {@link #AS_IS}, {@link #NO_MESSAGES} or {@link #urlsThrough}
     */
    public static void report(String where, Throwable error, UnaryOperator<String> shown) {
        var copy = cleaned(error, shown, Collections.newSetFromMap(new IdentityHashMap<>()));
        var file = logFile();
        log.error("internal error in {}: {} ({})", where, headline(copy),
                file.map(path -> "stack trace in " + path).orElse("no log file here for its stack trace"));
        var trace = new StringWriter();
        copy.printStackTrace(new PrintWriter(trace));
        traces.error("internal error in {}:\n{}", where, trace.toString().stripTrailing());
    }

    /** "IllegalStateException: what it said", or the class alone when its message may not be shown. */
    private static String headline(Throwable copy) {
        var message = copy.getMessage();
        var name = ((Cleaned) copy).simpleName;
        return message == null || message.isBlank() ? name : name + ": " + OneLine.of(message);
    }

    /** The file logback writes the traces to; empty when SLF4J is not bound to the kit's logback setup. */
    static Optional<String> logFile() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            var appender = context.getLogger(traces.getName()).getAppender("FILE");
            if (appender instanceof FileAppender<?> fileAppender && fileAppender.isStarted()) {
                return Optional.ofNullable(fileAppender.getFile());
            }
        }
        return Optional.empty();
    }

    /** The error and its causes with their messages as {@code shown} gives them, same classes' names and frames. */
    private static Throwable cleaned(Throwable error, UnaryOperator<String> shown, Set<Throwable> seen) {
        seen.add(error);
        var copy = new Cleaned(error, shown.apply(error.getMessage()));
        if (error.getCause() != null && !seen.contains(error.getCause())) {
            copy.initCause(cleaned(error.getCause(), shown, seen));
        }
        for (var suppressed : error.getSuppressed()) {
            if (!seen.contains(suppressed)) {
                copy.addSuppressed(cleaned(suppressed, shown, seen));
            }
        }
        return copy;
    }

    /** Prints as the original would ("java.lang.IllegalStateException: ..."), with the cleaned message. */
    private static final class Cleaned extends Throwable {
        private final String className;
        private final String simpleName;

        Cleaned(Throwable original, String message) {
            super(message);
            this.className = original.getClass().getName();
            this.simpleName = original.getClass().getSimpleName().isEmpty() ? className : original.getClass().getSimpleName();
            setStackTrace(original.getStackTrace());
        }

        @Override
        public String toString() {
            var message = getLocalizedMessage();
            return message == null ? className : className + ": " + message;
        }
    }
}
