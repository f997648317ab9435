package io.tenantry.architecture.sql;

import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;

import java.util.stream.Stream;

/**
 * Recognises {@code q.tenant_id = :tenantId} among the top-level AND conditions of a WHERE or ON. Only a condition
 * that every returned row must meet proves the tenant: one under OR, NOT, CASE or a function does not.
 */
final class TenantCondition {

    private final String parameter;

    TenantCondition(String parameter) {
        this.parameter = parameter;
    }

    /** The current tenant's parameter, possibly cast: {@code :tenantId}, {@code CAST(:tenantId AS uuid)}, {@code :tenantId::uuid}. */
    boolean isParameter(Expression expression) {
        return switch (expression) {
            case JdbcNamedParameter named -> parameter.equals(named.getName());
            case CastExpression cast -> isParameter(cast.getLeftExpression());
            case net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList<?> one
                    when one.size() == 1 -> isParameter(one.getFirst());
            case net.sf.jsqlparser.expression.Parenthesis one -> isParameter(one.getExpression());
            case null, default -> false;
        };
    }

    /**
     * Whether the condition pins {@code qualifier.column} to the current tenant; {@code unqualifiedCounts} when the
     * query level reads a single table, so that a bare column can only be that table's.
     */
    boolean pins(Expression condition, String qualifier, String column, boolean unqualifiedCounts) {
        return conjuncts(condition).anyMatch(conjunct -> conjunct instanceof EqualsTo equals
                && (isPinning(equals.getLeftExpression(), equals.getRightExpression(), qualifier, column, unqualifiedCounts)
                || isPinning(equals.getRightExpression(), equals.getLeftExpression(), qualifier, column, unqualifiedCounts)));
    }

    private boolean isPinning(Expression side, Expression otherSide, String qualifier, String column,
                              boolean unqualifiedCounts) {
        return side instanceof Column named
                && Identifiers.normalized(named.getColumnName()).equals(column)
                && (named.getTable() == null || named.getTable().getName() == null
                ? unqualifiedCounts
                : Identifiers.normalized(named.getTable().getName()).equals(qualifier))
                && isParameter(otherSide);
    }

    private static Stream<Expression> conjuncts(Expression condition) {
        return switch (condition) {
            case null -> Stream.empty();
            case AndExpression and -> Stream.concat(conjuncts(and.getLeftExpression()), conjuncts(and.getRightExpression()));
            case ParenthesedExpressionList<?> parentheses when parentheses.size() == 1 -> conjuncts(parentheses.getFirst());
            default -> Stream.of(condition);
        };
    }
}
