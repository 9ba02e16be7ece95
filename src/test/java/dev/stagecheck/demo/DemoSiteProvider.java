package dev.stagecheck.demo;

import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.DefaultSite;
import dev.stagecheck.config.OneLine;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Starts the built-in demo staging site when no base.url is given, once per JVM, and hands its
 * credentials to the kit the way a user would: under the names sites/demo.properties gives them
 * (as -D properties of this JVM, never printed). {@code -Ddemo.faults=public-401,...} starts it
 * with those {@link Fault}s switched on; {@code -Ddemo.pages=N} adds N generated catalog pages
 * ({@link CatalogPages}) for speed and scale runs; {@code -Ddemo.hostile=true} switches on the
 * hostile section ({@link HostilePages}).
 */
public final class DemoSiteProvider implements DefaultSite {
    /** The system property naming the faults to switch on, comma-separated, e.g. {@code public-401,asset-401}. */
    public static final String FAULTS_PROPERTY = "demo.faults";
    /** The system property giving the number of generated catalog pages, e.g. {@code 200}; 0 or unset: none. */
    public static final String PAGES_PROPERTY = "demo.pages";
    /** The system property that switches the hostile section on: {@code true}; unset, blank or {@code false}: off. */
    public static final String HOSTILE_PROPERTY = "demo.hostile";

    private static volatile DemoSite running;

    @Override
    public URI start() {
        synchronized (DemoSiteProvider.class) {
            if (running == null) {
                Set<Fault> faults = faultsFrom(System.getProperty(FAULTS_PROPERTY));
                int pages = pagesFrom(System.getProperty(PAGES_PROPERTY));
                boolean hostile = hostileFrom(System.getProperty(HOSTILE_PROPERTY));
                running = DemoSite.start(DemoOptions.defaults().withFaults(faults).withPages(pages).withHostile(hostile));
                Runtime.getRuntime().addShutdownHook(new Thread(running::close, "demo-site-stop"));
                System.setProperty("STAGECHECK_DEMO_USER", DemoCredentials.MEMBER_EMAIL);
                System.setProperty("STAGECHECK_DEMO_PASSWORD", DemoCredentials.MEMBER_PASSWORD);
                System.setProperty("STAGECHECK_DEMO_STAFF_USER", DemoCredentials.STAFF_EMAIL);
                System.setProperty("STAGECHECK_DEMO_STAFF_PASSWORD", DemoCredentials.STAFF_PASSWORD);
                System.setProperty("STAGECHECK_DEMO_ADMIN_USER", DemoCredentials.ADMIN_USER);
                System.setProperty("STAGECHECK_DEMO_ADMIN_PASSWORD", DemoCredentials.ADMIN_PASSWORD);
                System.setProperty("STAGECHECK_DEMO_REPORTS_USER", DemoCredentials.REPORTS_USER);
                System.setProperty("STAGECHECK_DEMO_REPORTS_PASSWORD", DemoCredentials.REPORTS_PASSWORD);
                System.setProperty("STAGECHECK_DEMO_API_KEY", DemoCredentials.API_KEY);
                System.setProperty("STAGECHECK_DEMO_STOCK_KEY", DemoCredentials.STOCK_CREDENTIALS);
                System.out.println("stagecheck: no base.url given; the built-in demo staging site runs at " + running.baseUrl());
                if (!faults.isEmpty()) {
                    System.out.println("stagecheck: demo faults switched on: " + Fault.keys(faults));
                }
                if (hostile) {
                    System.out.println("stagecheck: demo hostile section switched on: " + running.baseUrl() + HostilePages.INDEX);
                }
                if (pages > 0) {
                    System.out.println("stagecheck: demo catalog of " + pages + " generated pages at " + running.baseUrl() + CatalogPages.INDEX);
                }
            }
            return URI.create(running.baseUrl());
        }
    }

    /**
     * The faults a {@code -Ddemo.faults} value names ({@code null} or blank: none).
     *
     * @throws ConfigException for an unknown name, with a one-line message listing the valid ones
     */
    public static Set<Fault> faultsFrom(String property) {
        try {
            return Fault.parse(property);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /**
     * The number of generated pages a {@code -Ddemo.pages} value asks for ({@code null} or blank: 0).
     *
     * @throws ConfigException for anything but a whole number from 0 to {@value CatalogPages#MAX_PAGES}, in one line
     */
    public static int pagesFrom(String property) {
        if (property == null || property.isBlank()) {
            return 0;
        }
        try {
            int pages = Integer.parseInt(property.strip());
            if (pages >= 0 && pages <= CatalogPages.MAX_PAGES) {
                return pages;
            }
        } catch (NumberFormatException e) {
            // answered below, in the same words as a number out of range
        }
        throw new ConfigException(PAGES_PROPERTY + " must be a whole number from 0 to " + CatalogPages.MAX_PAGES
                + ", not '" + OneLine.of(property) + "'");
    }

    /**
     * Whether a {@code -Ddemo.hostile} value switches the hostile section on ({@code null} or blank: off).
     *
     * @throws ConfigException for anything but true or false, in one line
     */
    public static boolean hostileFrom(String property) {
        if (property == null || property.isBlank() || property.strip().equalsIgnoreCase("false")) {
            return false;
        }
        if (property.strip().equalsIgnoreCase("true")) {
            return true;
        }
        throw new ConfigException(HOSTILE_PROPERTY + " must be true or false, not '" + OneLine.of(property) + "'");
    }

    /** The demo site this JVM started, if any (the secrets self-test asks it which sessions it issued). */
    public static Optional<DemoSite> running() {
        return Optional.ofNullable(running);
    }
}
