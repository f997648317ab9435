package io.tenantry.architecture.sql;

import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.ParenthesedStatement;
import net.sf.jsqlparser.statement.ReturningClause;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.delete.ParenthesedDelete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.InsertConflictAction;
import net.sf.jsqlparser.statement.insert.ParenthesedInsert;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.TableStatement;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.ParenthesedUpdate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Walks the parsed statements of one SQL text in source order, noting every tenant table they reference and every
 * house rule they break. A reference is a tenant table read or written as a table; a CTE of the same name, a table
 * function or a VALUES list is none.
 */
final class StatementWalk {

    /** A FROM item and the ON conditions of the join that introduces it (none for the first item or a comma join). */
    private record FromEntry(FromItem item, Collection<Expression> on, boolean onConstrains, boolean inner) {
        FromEntry(FromItem item, Collection<Expression> on) {
            this(item, on, true, false);
        }
    }

    private final Map<String, TenantTable> tenantTables;
    private final String parameter;
    private final TenantCondition condition;
    private final Set<String> problems = new LinkedHashSet<>();
    private final Set<String> referenced = new LinkedHashSet<>();
    /** How many times each tenant table was read or written as a table, to compare with how often it is named. */
    private final Map<String, Integer> references = new java.util.HashMap<>();

    StatementWalk(Map<String, TenantTable> tenantTables, String parameter) {
        this.tenantTables = tenantTables;
        this.parameter = parameter;
        this.condition = new TenantCondition(parameter);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    Set<String> referenced() {
        return Set.copyOf(referenced);
    }

    void unreadable(String problem) {
        problems.add(problem);
    }

    void unparsable(String reason) {
        problems.add("cannot be parsed as PostgreSQL (" + reason + "); write SQL the house rules can read");
    }

    void statement(Statement statement) {
        switch (statement) {
            case Select select -> select(select, Scope.TOP);
            case Insert insert -> insert(insert, Scope.TOP);
            case Update update -> update(update, Scope.TOP);
            case Delete delete -> delete(delete, Scope.TOP);
            default -> {
                referenced.addAll(namedTenantTables(statement.toString()));
                problems.add(kindOf(statement.toString()) + " is not allowed in application SQL: it runs only SELECT, "
                        + "INSERT, UPDATE and DELETE");
            }
        }
    }

    /** A name the tenant rules cannot follow: what the parser takes for a list may be an OR PostgreSQL applies. */
    void ambiguous(String what) {
        problems.add("cannot be read unambiguously (" + what + "); put the IN list in parentheses of its own and "
                + "every OR in parentheses");
    }

    /** Functions that run SQL given as text, read tables by name, or set the tenant are not application SQL. */
    void function(String name) {
        String function = Identifiers.normalized(name == null ? "" : name.substring(name.lastIndexOf('.') + 1));
        if (DeniedFunctions.isDenied(function)) {
            problems.add(function + "() is not allowed in application SQL: " + DeniedFunctions.why(function));
        }
    }

    void select(Select select, Scope outer) {
        Scope scope = withItems(select.getWithItemsList(), outer);
        switch (select) {
            case PlainSelect plain -> plainSelect(plain, scope);
            case SetOperationList branches -> branches.getSelects().forEach(branch -> select(branch, scope));
            case ParenthesedSelect parenthesed -> select(parenthesed.getSelect(), scope);
            case Values values -> expression(values.getExpressions(), scope);
            case TableStatement table -> queryLevel(List.of(new FromEntry(table.getTable(), List.of())), null, true, scope);
            default -> notAllowed(select.toString());
        }
        orEmpty(select.getOrderByElements()).stream().map(OrderByElement::getExpression)
                .forEach(expression -> expression(expression, scope));
        if (select.getLimit() != null) {
            expression(select.getLimit().getRowCount(), scope);
            expression(select.getLimit().getOffset(), scope);
        }
        if (select.getOffset() != null) {
            expression(select.getOffset().getOffset(), scope);
        }
        if (select.getFetch() != null) {
            expression(select.getFetch().getExpression(), scope);
        }
    }

    private void plainSelect(PlainSelect select, Scope scope) {
        if (select.getDistinct() != null) {
            selectItems(select.getDistinct().getOnSelectItems(), scope);
        }
        selectItems(select.getSelectItems(), scope);
        List<FromEntry> from = fromEntries(select.getFromItem(), select.getJoins());
        queryLevel(from, select.getWhere(), from.size() == 1, scope);
        if (select.getGroupBy() != null) {
            expression(select.getGroupBy().getGroupByExpressionList(), scope);
        }
        expression(select.getHaving(), scope);
    }

    private void insert(Insert insert, Scope outer) {
        Scope scope = withItems(insert.getWithItemsList(), outer);
        Optional<TenantTable> target = target(insert.getTable());
        target.ifPresent(table -> writesTheTenant(table, insert));
        if (insert.getSelect() != null) {
            select(insert.getSelect(), scope);
        }
        if (insert.getConflictTarget() != null) {
            expression(insert.getConflictTarget().getIndexExpression(), scope);
            expression(insert.getConflictTarget().getWhereExpression(), scope);
        }
        InsertConflictAction onConflict = insert.getConflictAction();
        if (onConflict != null) {
            for (UpdateSet set : orEmpty(onConflict.getUpdateSets())) {
                target.filter(table -> setsTenantColumn(set, table))
                        .ifPresent(table -> problems.add("INSERT INTO " + table.name() + " changes "
                                + table.tenantColumn() + " on conflict"));
                expression(set.getValues(), scope);
            }
            // The conflicting row is the inserted row's, of the same tenant: its WHERE only needs its subqueries read.
            expression(onConflict.getWhereExpression(), scope);
        }
        returning(insert.getReturningClause(), scope);
    }

    private void writesTheTenant(TenantTable table, Insert insert) {
        ExpressionList<Column> columns = insert.getColumns();
        if (columns == null || columns.isEmpty()) {
            problems.add("INSERT INTO " + table.name() + " does not name its columns; name them and write :"
                    + parameter + " into " + table.tenantColumn());
            return;
        }
        List<Integer> positions = IntStream.range(0, columns.size())
                .filter(position -> isColumn(columns.get(position), table.tenantColumn())).boxed().toList();
        boolean writesParameter = !positions.isEmpty() && insert.getSelect() != null
                && positions.stream().allMatch(position -> writesParameterAt(insert.getSelect(), position));
        if (!writesParameter) {
            problems.add("INSERT INTO " + table.name() + " does not write :" + parameter + " into " + table.tenantColumn());
        }
    }

    /** Whether every row the INSERT's source yields carries the parameter at that position. */
    private boolean writesParameterAt(Select source, int position) {
        return switch (source) {
            case PlainSelect plain -> position < plain.getSelectItems().size()
                    && condition.isParameter(plain.getSelectItem(position).getExpression());
            case SetOperationList branches -> branches.getSelects().stream()
                    .allMatch(branch -> writesParameterAt(branch, position));
            case ParenthesedSelect parenthesed -> writesParameterAt(parenthesed.getSelect(), position);
            case Values values -> rows(values).stream()
                    .allMatch(row -> position < row.size() && condition.isParameter(row.get(position)));
            default -> false;
        };
    }

    /** JSqlParser gives {@code VALUES (a, b)} as the one row's list, {@code VALUES (a), (b)} as a list of rows. */
    private static List<List<Expression>> rows(Values values) {
        ExpressionList<?> expressions = values.getExpressions();
        if (expressions instanceof ParenthesedExpressionList<?> onlyRow) {
            return List.of(List.copyOf(onlyRow));
        }
        return expressions.stream()
                .map(row -> row instanceof ExpressionList<?> list ? List.<Expression>copyOf(list) : List.of(row))
                .toList();
    }

    private void update(Update update, Scope outer) {
        Scope scope = withItems(update.getWithItemsList(), outer);
        List<FromEntry> from = fromEntries(update.getFromItem(), update.getJoins());
        Optional<TenantTable> target = target(update.getTable());
        target.ifPresent(table -> pinned(table, update.getTable().getAlias(), update.getWhere(), List.of(), from.isEmpty()));
        for (UpdateSet set : update.getUpdateSets()) {
            target.filter(table -> setsTenantColumn(set, table))
                    .ifPresent(table -> problems.add("UPDATE " + table.name() + " sets " + table.tenantColumn()
                            + "; a row never changes tenant"));
            expression(set.getValues(), scope);
        }
        queryLevel(from, update.getWhere(), false, scope);
        returning(update.getReturningClause(), scope);
    }

    private void delete(Delete delete, Scope outer) {
        Scope scope = withItems(delete.getWithItemsList(), outer);
        List<FromEntry> using = new ArrayList<>();
        orEmpty(delete.getUsingList()).forEach(table -> using.add(new FromEntry(table, List.of())));
        orEmpty(delete.getJoins()).forEach(join -> addEntries(using, join.getRightItem(),
                onOf(join), constrains(join), isInner(join)));
        target(delete.getTable()).ifPresent(table ->
                pinned(table, delete.getTable().getAlias(), delete.getWhere(), List.of(), using.isEmpty()));
        queryLevel(using, delete.getWhere(), false, scope);
        returning(delete.getReturningClause(), scope);
    }

    /**
     * Walks the WITH list: each CTE body sees the CTEs before it (all of them under RECURSIVE); what follows the
     * list sees them all.
     */
    private Scope withItems(List<WithItem<?>> withItems, Scope outer) {
        List<WithItem<?>> items = orEmpty(withItems);
        Scope all = outer.and(items.stream().map(item -> Identifiers.normalized(item.getAliasName()))
                .collect(Collectors.toSet()));
        boolean recursive = items.stream().anyMatch(WithItem::isRecursive);
        Scope visible = recursive ? all : outer;
        for (WithItem<?> item : items) {
            String name = Identifiers.normalized(item.getAliasName());
            if (tenantTables.containsKey(name)) {
                problems.add("the CTE " + name + " is named like a tenant table; name it something else");
            }
            body(item.getParenthesedStatement(), visible);
            if (!recursive) {
                visible = visible.and(Set.of(Identifiers.normalized(item.getAliasName())));
            }
        }
        return all;
    }

    private void body(ParenthesedStatement body, Scope scope) {
        switch (body) {
            case ParenthesedSelect select -> select(select, scope);
            case ParenthesedInsert insert -> insert(insert.getInsert(), scope);
            case ParenthesedUpdate update -> update(update.getUpdate(), scope);
            case ParenthesedDelete delete -> delete(delete.getDelete(), scope);
            default -> notAllowed(body.toString());
        }
    }

    /** One query level: its FROM items are checked against its WHERE and their own ON, then its conditions are read. */
    private void queryLevel(List<FromEntry> from, Expression where, boolean singleItem, Scope scope) {
        for (int index = 0; index < from.size(); index++) {
            FromEntry entry = from.get(index);
            List<Expression> pins = new ArrayList<>(entry.onConstrains() ? entry.on() : List.of());
            from.subList(index + 1, from.size()).stream().filter(FromEntry::inner).forEach(later -> pins.addAll(later.on()));
            switch (entry.item()) {
                case Table table -> tenantTable(table, scope)
                        .ifPresent(tenant -> pinned(tenant, table.getAlias(), where, pins, singleItem));
                case Select subquery -> select(subquery, scope);
                case TableFunction function -> expression(function.getFunction(), scope);
                default -> notAllowed(entry.item().toString());
            }
            entry.on().forEach(on -> expression(on, scope));
        }
        expression(where, scope);
    }

    /** The items of a FROM clause, parenthesised joins flattened: their first item takes the enclosing join's ON. */
    private static List<FromEntry> fromEntries(FromItem first, List<Join> joins) {
        List<FromEntry> entries = new ArrayList<>();
        if (first != null) {
            addEntries(entries, first, List.of(), true, false);
        }
        orEmpty(joins).forEach(join -> addEntries(entries, join.getRightItem(), onOf(join), constrains(join),
                isInner(join)));
        return entries;
    }

    private static Collection<Expression> onOf(Join join) {
        return join.getOnExpressions() == null ? List.of() : join.getOnExpressions();
    }

    /** An inner join's ON filters every row of the join, so it constrains the items before it as well. */
    private static boolean isInner(Join join) {
        return !join.isLeft() && !join.isRight() && !join.isFull() && !join.isCross() && !join.isNatural();
    }

    /** Whether a join's ON constrains its right item: a right or full join keeps all its rows whatever ON says. */
    private static boolean constrains(Join join) {
        return !join.isRight() && !join.isFull();
    }

    private static void addEntries(List<FromEntry> entries, FromItem item, Collection<Expression> on,
                                   boolean onConstrains, boolean inner) {
        if (item instanceof ParenthesedFromItem parenthesed) {
            addEntries(entries, parenthesed.getFromItem(), on, onConstrains, inner);
            orEmpty(parenthesed.getJoins()).forEach(join -> addEntries(entries, join.getRightItem(),
                    onOf(join), constrains(join), isInner(join)));
        } else {
            entries.add(new FromEntry(item, on, onConstrains, inner));
        }
    }

    /**
     * Reports a reference its own WHERE or ON does not pin to the current tenant. An alias that renames columns,
     * {@code orders o(a, tenant_id)}, makes {@code o.tenant_id} another column, so nothing pins such a reference.
     */
    private void pinned(TenantTable table, Alias alias, Expression where, Collection<Expression> on, boolean singleItem) {
        String qualifier = alias == null ? table.name() : Identifiers.normalized(alias.getName());
        boolean renamesColumns = alias != null && !orEmpty(alias.getAliasColumns()).isEmpty();
        boolean isPinned = !renamesColumns
                && (condition.pins(where, qualifier, table.tenantColumn(), singleItem)
                || on.stream().anyMatch(join -> condition.pins(join, qualifier, table.tenantColumn(), false)));
        if (!isPinned) {
            problems.add(table.name() + " is not constrained by " + qualifier + "." + table.tenantColumn() + " = :"
                    + parameter + " as a top-level AND condition of its own WHERE or ON");
        }
    }

    /** The tenant table a FROM item reads, unless a CTE of that name shadows it. */
    private Optional<TenantTable> tenantTable(Table table, Scope scope) {
        return scope.shadows(table) ? Optional.empty() : target(table);
    }

    /** The tenant table an INSERT, UPDATE or DELETE writes: PostgreSQL never resolves a target to a CTE. */
    private Optional<TenantTable> target(Table table) {
        Optional<TenantTable> tenant = Optional.ofNullable(tenantTables.get(Identifiers.normalized(table.getName())));
        tenant.ifPresent(found -> {
            referenced.add(found.name());
            references.merge(found.name(), 1, Integer::sum);
        });
        return tenant;
    }

    private static boolean setsTenantColumn(UpdateSet set, TenantTable table) {
        return set.getColumns().stream().anyMatch(column -> isColumn(column, table.tenantColumn()));
    }

    private static boolean isColumn(Column column, String name) {
        return Identifiers.normalized(column.getColumnName()).equals(name);
    }

    private void selectItems(List<SelectItem<?>> items, Scope scope) {
        orEmpty(items).forEach(item -> expression(item.getExpression(), scope));
    }

    private void returning(ReturningClause returning, Scope scope) {
        selectItems(returning, scope);
    }

    private void expression(Expression expression, Scope scope) {
        if (expression != null) {
            expression.accept(new SubqueryFinder(this, scope), null);
        }
    }

    /**
     * A part of a statement the walk cannot follow may not touch a tenant table at all. Its tables are the names among
     * its tokens, string literals aside; that also counts a column of the same name, which errs on the safe side.
     */
    private void notAllowed(String sql) {
        String kind = kindOf(sql);
        for (String table : namedTenantTables(sql)) {
            referenced.add(table);
            problems.add(kind + " on " + table + " is not allowed in application SQL");
        }
    }

    private List<String> namedTenantTables(String sql) {
        List<String> named = new ArrayList<>();
        for (Token token : tokens(sql)) {
            TenantTable table = token.kind == CCJSqlParserConstants.S_CHAR_LITERAL
                    ? null : tenantTables.get(Identifiers.normalized(token.image));
            if (table != null && !named.contains(table.name())) {
                named.add(table.name());
            }
        }
        return named;
    }

    private static List<Token> tokens(String sql) {
        List<Token> all = new ArrayList<>();
        if (sql.isBlank()) {
            return all;
        }
        CCJSqlParser parser = CCJSqlParserUtil.newParser(sql);
        for (Token token = parser.getNextToken(); token.kind != CCJSqlParserConstants.EOF; token = parser.getNextToken()) {
            all.add(token);
        }
        return all;
    }

    /**
     * A second net under the walk: a tenant table named in the text more often than the walk met it as a table is
     * referenced somewhere the walk does not look (a name followed by a dot qualifies a column and is no reference).
     */
    void everyReferenceWasSeen(String sql) {
        if (!problems.isEmpty()) {
            return;
        }
        List<Token> all = tokens(sql);
        Map<String, Integer> named = new java.util.HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            Token token = all.get(i);
            boolean qualifiesAColumn = i + 1 < all.size() && all.get(i + 1).image.equals(".");
            boolean namesAnAlias = i > 0 && all.get(i - 1).image.equalsIgnoreCase("AS");
            if (token.kind != CCJSqlParserConstants.S_CHAR_LITERAL && !qualifiesAColumn && !namesAnAlias) {
                TenantTable table = tenantTables.get(Identifiers.normalized(token.image));
                if (table != null) {
                    named.merge(table.name(), 1, Integer::sum);
                }
            }
        }
        named.forEach((table, count) -> {
            if (count > references.getOrDefault(table, 0)) {
                referenced.add(table);
                problems.add(table + " is named where the house rules cannot check its tenant condition; read it in "
                        + "a FROM, JOIN or subquery of its own");
            }
        });
    }

    private static String kindOf(String sql) {
        List<Token> all = tokens(sql);
        return all.isEmpty() ? "" : all.getFirst().image.toUpperCase(Locale.ROOT);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
