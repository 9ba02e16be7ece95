package dev.stagecheck.wordpress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a WordPress self-test that was killed (Ctrl-C, a CI cancel) left behind: its Apache, its
 * database and user, its host config in /etc/wordpress and its folder under /tmp. Each site writes
 * who owns it into its folder; the next start removes the leftovers of owners that are gone. A folder
 * of a JVM that still runs (another clone's verify) is never touched.
 */
final class LeftBehind {
    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));
    static final String FOLDER_PREFIX = "stagecheck-wordpress-";
    private static final String OWNER_FILE = "owner";

    private LeftBehind() {
    }

    /** Marks the folder as this JVM's site with the given id. */
    static void claim(Path folder, String id) {
        var self = ProcessHandle.current();
        ApacheInstance.write(folder.resolve(OWNER_FILE), self.pid() + " " + startOf(self) + " " + id + "\n");
    }

    /** Stops and removes every site whose owner no longer runs; the database must be answering. */
    static void cleanUp(MariaDb database) {
        List<Path> folders;
        try (var list = Files.list(TMP)) {
            folders = list.filter(path -> path.getFileName().toString().startsWith(FOLDER_PREFIX)).toList();
        } catch (IOException e) {
            return;
        }
        for (var folder : folders) {
            owner(folder).filter(Owner::gone).ifPresent(owner -> {
                System.err.println("stagecheck self-test: removing WordPress site " + owner.id() + " left behind by a run that was stopped (" + folder + ")");
                ApacheInstance.stop(folder);
                database.dropDatabase(WordPressSite.databaseName(owner.id()), WordPressSite.databaseName(owner.id()));
                try {
                    Files.deleteIfExists(WordPressSite.hostConfig(owner.id()));
                    WordPressSite.deleteRecursively(folder);
                } catch (IOException e) {
                    System.err.println("stagecheck self-test: could not remove " + folder + ": " + e.getMessage());
                }
            });
        }
    }

    private record Owner(long pid, String started, String id) {
        boolean gone() {
            return ProcessHandle.of(pid).map(process -> !startOf(process).equals(started)).orElse(true);
        }
    }

    private static Optional<Owner> owner(Path folder) {
        try {
            var fields = Files.readString(folder.resolve(OWNER_FILE)).strip().split(" ");
            return fields.length == 3 && fields[2].matches("[0-9a-f]+")
                    ? Optional.of(new Owner(Long.parseLong(fields[0]), fields[1], fields[2])) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            // No owner file: not ours to judge (an older kit, or a site being created right now).
            return Optional.empty();
        }
    }

    /** When the process started, so a pid the system gave to another process later is not taken for the owner. */
    private static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toString).orElse("-");
    }
}
