package io.tenantry.architecture.sql;

import java.util.Map;
import java.util.Optional;

/**
 * Functions application SQL may not call, because the tenant rules cannot see what they do: they run SQL given as
 * text, read a table or a file by its name, or reach another database. ({@code set_config} is refused sooner: no
 * application SQL may even name it or {@code app.tenant_id}.)
 */
final class DeniedFunctions {

    private static final Map<String, String> EXACT = Map.ofEntries(
            Map.entry("lo_import", "it reads a file on the database server"),
            Map.entry("lo_export", "it writes a file on the database server"),
            Map.entry("pg_read_file", "it reads a file on the database server"),
            Map.entry("pg_read_binary_file", "it reads a file on the database server"),
            Map.entry("pg_ls_dir", "it lists the database server's files"),
            Map.entry("pg_stat_file", "it reads the database server's files"),
            Map.entry("ts_stat", "it runs SQL given as text"),
            Map.entry("ts_rewrite", "it can run SQL given as text"));

    /** Prefixes of families: the XML exports run SQL text or read tables by name; dblink reaches other databases. */
    private static final Map<String, String> FAMILIES = Map.of(
            "query_to_xml", "it runs SQL given as text",
            "cursor_to_xml", "it reads a cursor the rules cannot see",
            "table_to_xml", "it reads a table named as text",
            "schema_to_xml", "it reads every table of a schema",
            "database_to_xml", "it reads every table of the database",
            "dblink", "it runs SQL on another connection");

    private DeniedFunctions() {
    }

    static boolean isDenied(String function) {
        return reason(function).isPresent();
    }

    static String why(String function) {
        return reason(function).orElseThrow();
    }

    private static Optional<String> reason(String function) {
        String found = EXACT.get(function);
        if (found != null) {
            return Optional.of(found);
        }
        return FAMILIES.entrySet().stream().filter(family -> function.startsWith(family.getKey()))
                .map(Map.Entry::getValue).findFirst();
    }
}
