package dev.stagecheck.wordpress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every row of the site's database, one line per row (mysqldump, one INSERT per row, ordered by
 * primary key), so two snapshots say exactly which rows a run added, changed or removed.
 */
public final class DatabaseSnapshot {
    private static final Pattern TABLE = Pattern.compile("^INSERT INTO `([^`]+)`");

    private final Set<String> rows;

    private DatabaseSnapshot(Set<String> rows) {
        this.rows = rows;
    }

    static DatabaseSnapshot of(WordPressSite site) {
        var dump = Shell.check(Duration.ofMinutes(2), List.of("mysqldump", "--skip-dump-date", "--skip-extended-insert",
                "--order-by-primary", "--no-create-info", "--compact", "--skip-comments", site.databaseName()), "dump " + site.databaseName());
        var rows = new LinkedHashSet<String>();
        dump.lines().filter(line -> line.startsWith("INSERT INTO")).forEach(rows::add);
        return new DatabaseSnapshot(rows);
    }

    /** A row one snapshot has and the other does not: its table, whether it was added, and the row. */
    public record Change(String table, boolean added, String row) {
        @Override
        public String toString() {
            return (added ? "+ " : "- ") + (row.length() > 300 ? row.substring(0, 300) + "..." : row);
        }
    }

    /** How many rows the database held. */
    public int rows() {
        return rows.size();
    }

    /** What is different in {@code after}: removed rows first, then added ones. */
    public List<Change> changesTo(DatabaseSnapshot after) {
        var changes = new ArrayList<Change>();
        rows.stream().filter(row -> !after.rows.contains(row)).forEach(row -> changes.add(new Change(table(row), false, row)));
        after.rows.stream().filter(row -> !rows.contains(row)).forEach(row -> changes.add(new Change(table(row), true, row)));
        return changes;
    }

    private static String table(String row) {
        var matcher = TABLE.matcher(row);
        return matcher.find() ? matcher.group(1) : "?";
    }
}
