package dev.stagecheck.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole access matrix as the report shows it: one line per URL, one column per role, each cell
 * "expected / got", a differing cell marked {@code !!}, a cell not checked marked {@code --} with
 * the reason below the table.
 */
public final class AccessMatrixTable {
    private AccessMatrixTable() {
    }

    public static String of(List<String> roles, List<AccessCell> cells, Optional<String> loginPath) {
        var byUrl = new LinkedHashMap<String, Map<String, AccessCell>>();
        cells.forEach(cell -> byUrl.computeIfAbsent(cell.url() + (cell.api() ? " (API)" : ""), url -> new LinkedHashMap<>()).put(cell.role(), cell));
        var urlWidth = Math.max(3, byUrl.keySet().stream().mapToInt(String::length).max().orElse(3));
        var columns = new LinkedHashMap<String, Integer>();
        for (var role : roles) {
            var width = Math.max(role.length(), byUrl.values().stream().map(row -> row.get(role)).filter(java.util.Objects::nonNull)
                    .mapToInt(cell -> text(cell, loginPath).length()).max().orElse(1));
            columns.put(role, width);
        }
        var out = new StringBuilder("Access matrix: each cell is expected / got; !! marks a cell that differs, -- one not checked\n");
        out.append(String.format("%-" + urlWidth + "s", "url"));
        columns.forEach((role, width) -> out.append("  ").append(String.format("%-" + width + "s", role)));
        out.append('\n');
        var reasons = new LinkedHashMap<String, String>();
        byUrl.forEach((url, row) -> {
            out.append(String.format("%-" + urlWidth + "s", url));
            columns.forEach((role, width) -> {
                var cell = row.get(role);
                out.append("  ").append(String.format("%-" + width + "s", cell == null ? "" : text(cell, loginPath)));
                if (cell != null) {
                    cell.notChecked().ifPresent(why -> reasons.put(role, why));
                }
            });
            out.append('\n');
        });
        reasons.forEach((role, why) -> out.append("-- ").append(role).append(": ").append(why).append('\n'));
        return out.toString();
    }

    private static String text(AccessCell cell, Optional<String> loginPath) {
        var expected = cell.expected().toLogin() ? "login" : cell.expected().describe();
        if (cell.observed().isEmpty()) {
            return "-- " + expected;
        }
        return (cell.differs(loginPath) ? "!! " : "") + expected + " / " + cell.observed().get().describe();
    }
}
