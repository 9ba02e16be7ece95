package dev.stagecheck.demo;

import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.DefaultSite;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Starts the built-in demo staging site when no base.url is given, once per JVM, and hands its
 * credentials to the kit the way a user would: under the names sites/demo.properties gives them
 * (as -D properties of this JVM, never printed). {@code -Ddemo.faults=public-401,...} starts it
 * with those {@link Fault}s switched on.
 */
public final class DemoSiteProvider implements DefaultSite {
    /** The system property naming the faults to switch on, comma-separated, e.g. {@code public-401,asset-401}. */
    public static final String FAULTS_PROPERTY = "demo.faults";

    private static volatile DemoSite running;

    @Override
    public URI start() {
        synchronized (DemoSiteProvider.class) {
            if (running == null) {
                Set<Fault> faults = faultsFrom(System.getProperty(FAULTS_PROPERTY));
                running = DemoSite.start(DemoOptions.defaults().withFaults(faults));
                Runtime.getRuntime().addShutdownHook(new Thread(running::close, "demo-site-stop"));
                System.setProperty("STAGECHECK_DEMO_USER", DemoCredentials.MEMBER_EMAIL);
                System.setProperty("STAGECHECK_DEMO_PASSWORD", DemoCredentials.MEMBER_PASSWORD);
                System.setProperty("STAGECHECK_DEMO_ADMIN_USER", DemoCredentials.ADMIN_USER);
                System.setProperty("STAGECHECK_DEMO_ADMIN_PASSWORD", DemoCredentials.ADMIN_PASSWORD);
                System.setProperty("STAGECHECK_DEMO_API_KEY", DemoCredentials.API_KEY);
                System.out.println("stagecheck: no base.url given; the built-in demo staging site runs at " + running.baseUrl());
                if (!faults.isEmpty()) {
                    System.out.println("stagecheck: demo faults switched on: " + Fault.keys(faults));
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

    /** The demo site this JVM started, if any (the secrets self-test asks it which sessions it issued). */
    public static Optional<DemoSite> running() {
        return Optional.ofNullable(running);
    }
}
