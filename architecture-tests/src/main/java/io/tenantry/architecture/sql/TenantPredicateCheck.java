package io.tenantry.architecture.sql;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads application SQL the way the database would and checks that every row it reads or writes in a tenant table
 * belongs to the current tenant, bound as one Jdbi named parameter. It knows nothing of annotations: SQL that
 * deliberately crosses tenants is reported like any other, and exempting it is the caller's business.
 */
public final class TenantPredicateCheck {

    private static final int REASON_LENGTH = 120;


    private final Map<String, TenantTable> tenantTables;
    private final String parameter;
    /** Each text is walked once, however many rules ask about it. */
    private final Map<String, StatementWalk> walks = new java.util.concurrent.ConcurrentHashMap<>();

    /** parameter: the Jdbi named parameter bound to the current tenant, without colon, e.g. "tenantId". */
    public TenantPredicateCheck(Collection<TenantTable> tenantTables, String parameter) {
        Objects.requireNonNull(parameter, "parameter");
        if (parameter.isBlank() || parameter.startsWith(":")) {
            throw new IllegalArgumentException("name the tenant parameter without its colon, not '" + parameter + "'");
        }
        this.tenantTables = tenantTables.stream()
                .map(table -> new TenantTable(Identifiers.normalized(table.name()),
                        Identifiers.normalized(table.tenantColumn())))
                .collect(Collectors.toUnmodifiableMap(TenantTable::name, Function.identity()));
        this.parameter = parameter;
    }

    /** The problems of one SQL statement (possibly several statements separated by ';'); empty when it is safe. */
    public List<String> problems(String sql) {
        return walk(sql).problems();
    }

    /** Names (lower case) of the tenant tables the SQL references anywhere (empty if unparsable). */
    public Set<String> tenantTablesReferenced(String sql) {
        return walk(sql).referenced();
    }

    private StatementWalk walk(String sql) {
        return walks.computeIfAbsent(sql, this::walkOnce);
    }

    private StatementWalk walkOnce(String sql) {
        StatementWalk walk = new StatementWalk(tenantTables, parameter);
        String folded = sql.toLowerCase(java.util.Locale.ROOT);
        if (folded.contains("set_config") || folded.contains("app.tenant_id")) {
            walk.unreadable("application SQL may not name set_config or app.tenant_id, not even in a string: only the "
                    + "persistence adapter sets the tenant");
            return walk;
        }
        if (hasEscapeString(sql)) {
            walk.unreadable("escape strings (E'...') are not allowed in application SQL: the house rules' parser reads "
                    + "their backslashes differently from PostgreSQL; use standard quotes");
            return walk;
        }
        if (sql.contains("/*")) {
            walk.unreadable("block comments are not allowed in application SQL: PostgreSQL nests them and the house "
                    + "rules' parser does not; use -- comments");
            return walk;
        }
        try {
            parse(sql).forEach(walk::statement);
            walk.everyReferenceWasSeen(sql);
        } catch (JSQLParserException unparsable) {
            walk.unparsable(reason(unparsable));
        }
        return walk;
    }

    /** Whether an E or e outside any string and after no name character opens a string constant. */
    private static boolean hasEscapeString(String sql) {
        boolean inString = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                inString = !inString;
            } else if (!inString && (c == 'e' || c == 'E') && i + 1 < sql.length() && sql.charAt(i + 1) == '\''
                    && (i == 0 || !(Character.isLetterOrDigit(sql.charAt(i - 1)) || sql.charAt(i - 1) == '_'
                    || sql.charAt(i - 1) == '$'))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses on an executor of our own: JSqlParser's default one is not shut down when a parse fails, and its thread
     * would outlive the check.
     */
    private static List<Statement> parse(String sql) throws JSQLParserException {
        try (ExecutorService parsing = Executors.newSingleThreadExecutor()) {
            Statements statements = CCJSqlParserUtil.parseStatements(sql, parsing, parser -> { });
            return statements == null ? List.of() : statements;
        }
    }

    /** The first line of the innermost message: the parser's own words, without the wrappers' class names. */
    private static String reason(JSQLParserException unparsable) {
        Throwable innermost = unparsable;
        while (innermost.getCause() != null) {
            innermost = innermost.getCause();
        }
        String message = Objects.requireNonNullElse(innermost.getMessage(), innermost.getClass().getSimpleName());
        String firstLine = message.strip().lines().findFirst().orElse("").replaceAll("\\s+", " ").strip();
        return firstLine.length() <= REASON_LENGTH ? firstLine : firstLine.substring(0, REASON_LENGTH);
    }
}
