package dev.stagecheck.wordpress;

import java.time.Duration;
import java.util.List;

/**
 * Debian's MariaDB server, started without systemd when it is not running yet (and then stopped
 * again at the end), reached by root through its unix socket without a password. Each site gets a
 * database and a user of its own, dropped at the end.
 */
final class MariaDb implements AutoCloseable {
    private final boolean startedHere;

    private MariaDb(boolean startedHere) {
        this.startedHere = startedHere;
    }

    static MariaDb start() {
        if (answers()) {
            return new MariaDb(false);
        }
        // The init script daemonises mysqld_safe; setsid keeps it out of this JVM's process group.
        Shell.check(Duration.ofMinutes(2), List.of("setsid", "/etc/init.d/mariadb", "start"), "start MariaDB");
        // The init script waits for the server itself; --wait covers a slow first start of the data folder.
        if (!Shell.run(Duration.ofSeconds(90), List.of("mysqladmin", "--wait=60", "ping")).ok()) {
            throw new IllegalStateException("MariaDB did not answer mysqladmin ping within 60 s of its start");
        }
        return new MariaDb(true);
    }

    private static boolean answers() {
        return Shell.run(Duration.ofSeconds(10), List.of("mysqladmin", "--connect-timeout=2", "ping")).ok();
    }

    void createDatabase(String name, String user, String password) {
        sql("CREATE DATABASE `" + name + "`; CREATE USER '" + user + "'@'localhost' IDENTIFIED BY '" + password + "';"
                + " GRANT ALL ON `" + name + "`.* TO '" + user + "'@'localhost';", "create database " + name);
    }

    void dropDatabase(String name, String user) {
        sql("DROP DATABASE IF EXISTS `" + name + "`; DROP USER IF EXISTS '" + user + "'@'localhost';", "drop database " + name);
    }

    /** Runs SQL as root on a database and returns what it printed (tab-separated, no headers). */
    String query(String database, String sql) {
        var result = Shell.run(Duration.ofSeconds(60), List.of("mysql", "-N", "-B", database), java.util.Map.of(), sql);
        if (!result.ok()) {
            throw new IllegalStateException("SQL failed on " + database + ": " + result.describe());
        }
        return result.output();
    }

    private void sql(String sql, String what) {
        var result = Shell.run(Duration.ofSeconds(60), List.of("mysql"), java.util.Map.of(), sql);
        if (!result.ok()) {
            throw new IllegalStateException("cannot " + what + ": " + result.describe());
        }
    }

    @Override
    public void close() {
        if (startedHere) {
            Shell.run(Duration.ofMinutes(1), List.of("mysqladmin", "shutdown"));
        }
    }
}
