package io.tenantry.adapters.persistence.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which tables hold tenants' rows, read from the catalog rather than from a list: every table of the current schema
 * with a {@code tenant_id} column, and the registry those columns reference by foreign key (the {@code tenants}
 * table, whose own tenant column is its key). The startup self-check and the build's house rules both read it, so a
 * migration that adds a tenant table is covered by both without anyone updating a list.
 */
public final class TenantSchema {

    /** The column every tenant table names its tenant by. */
    public static final String TENANT_COLUMN = "tenant_id";

    /** A table whose rows belong to one tenant each, and the column that says which. */
    public record Table(String name, String tenantColumn) {

        /**
         * The predicate every policy on the table must carry, as PostgreSQL prints it back
         * ({@code pg_policies.qual}): the table's tenant column equal to the transaction's {@code app.tenant_id}.
         */
        public String predicate() {
            return "(" + tenantColumn + " = NULLIF(current_setting('app.tenant_id'::text, true), ''::text))";
        }
    }

    private static final String TABLES = """
            SELECT c.relname, a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
            WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
              AND a.attname = 'tenant_id' AND a.attnum > 0 AND NOT a.attisdropped
            UNION
            SELECT r.relname, ra.attname FROM pg_constraint k
              JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
              JOIN pg_class r ON r.oid = k.confrelid
              JOIN pg_attribute ra ON ra.attrelid = k.confrelid AND ra.attnum = k.confkey[1]
            WHERE k.contype = 'f' AND cardinality(k.conkey) = 1 AND a.attname = 'tenant_id'
              AND k.connamespace = current_schema()::regnamespace AND r.relnamespace = current_schema()::regnamespace
              AND NOT EXISTS (SELECT 1 FROM pg_attribute t WHERE t.attrelid = r.oid AND t.attname = 'tenant_id'
                              AND t.attnum > 0 AND NOT t.attisdropped)
            ORDER BY 1""";

    private TenantSchema() {
    }

    /** The tenant tables of the connection's current schema, by name. */
    public static List<Table> read(Connection connection) throws SQLException {
        List<Table> tables = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(TABLES); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                tables.add(new Table(rows.getString(1), rows.getString(2)));
            }
        }
        return List.copyOf(tables);
    }

    /**
     * Whether a policy expression, as PostgreSQL prints it, has {@code predicate} as a top-level AND conjunct: the
     * expression is the predicate, or an AND of which it is one operand. PostgreSQL parenthesises every nested
     * boolean expression when it prints one, so an OR at the top level never hides inside an AND's operand.
     */
    static boolean carries(String expression, String predicate) {
        if (expression == null) {
            return false;
        }
        if (expression.equals(predicate)) {
            return true;
        }
        if (!expression.startsWith("(") || !expression.endsWith(")")) {
            return false;
        }
        return topLevelConjuncts(expression.substring(1, expression.length() - 1)).contains(predicate);
    }

    private static List<String> topLevelConjuncts(String inner) {
        List<String> conjuncts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && inner.startsWith(" OR ", i)) {
                return List.of();
            } else if (!quoted && depth == 0 && inner.startsWith(" AND ", i)) {
                conjuncts.add(inner.substring(start, i));
                start = i + " AND ".length();
            }
        }
        conjuncts.add(inner.substring(start));
        return conjuncts;
    }
}
