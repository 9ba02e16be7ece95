package dev.stagecheck.demo;

import dev.stagecheck.config.DefaultSite;

import java.net.URI;
import java.util.Optional;

/**
 * Starts the built-in demo staging site when no base.url is given, once per JVM, and hands its
 * credentials to the kit the way a user would: under the names sites/demo.properties gives them
 * (as -D properties of this JVM, never printed).
 */
public final class DemoSiteProvider implements DefaultSite {
    private static volatile DemoSite running;

    @Override
    public URI start() {
        synchronized (DemoSiteProvider.class) {
            if (running == null) {
                running = DemoSite.start();
                Runtime.getRuntime().addShutdownHook(new Thread(running::close, "demo-site-stop"));
                System.setProperty("STAGECHECK_DEMO_USER", DemoCredentials.MEMBER_EMAIL);
                System.setProperty("STAGECHECK_DEMO_PASSWORD", DemoCredentials.MEMBER_PASSWORD);
                System.setProperty("STAGECHECK_DEMO_ADMIN_USER", DemoCredentials.ADMIN_USER);
                System.setProperty("STAGECHECK_DEMO_ADMIN_PASSWORD", DemoCredentials.ADMIN_PASSWORD);
                System.setProperty("STAGECHECK_DEMO_API_KEY", DemoCredentials.API_KEY);
                System.out.println("stagecheck: no base.url given; the built-in demo staging site runs at " + running.baseUrl());
            }
            return URI.create(running.baseUrl());
        }
    }

    /** The demo site this JVM started, if any (the secrets self-test asks it which sessions it issued). */
    public static Optional<DemoSite> running() {
        return Optional.ofNullable(running);
    }
}
