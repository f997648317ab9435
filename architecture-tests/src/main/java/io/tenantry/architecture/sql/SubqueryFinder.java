package io.tenantry.architecture.sql;

import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnyComparisonExpression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Hands every subquery inside an expression to the walk, in the scope of the query that contains it. JSqlParser's
 * adapter descends into most expressions but stops at {@code ANY (SELECT …)} and at a window's PARTITION BY and
 * FILTER, which this finder adds.
 */
final class SubqueryFinder extends ExpressionVisitorAdapter<Void> {

    private final StatementWalk walk;
    private final Scope scope;

    SubqueryFinder(StatementWalk walk, Scope scope) {
        this.walk = walk;
        this.scope = scope;
    }

    @Override
    public <S> Void visit(ParenthesedSelect subquery, S context) {
        walk.select(subquery, scope);
        return null;
    }

    @Override
    public <S> Void visit(Select subquery, S context) {
        walk.select(subquery, scope);
        return null;
    }

    @Override
    public <S> Void visit(AnyComparisonExpression comparison, S context) {
        walk.select(comparison.getSelect(), scope);
        return null;
    }

    /**
     * JSqlParser reads {@code a IN ('x') OR b} as {@code a IN (('x') OR b)}, where PostgreSQL reads
     * {@code (a IN ('x')) OR b}: an IN whose list is not one parenthesised list cannot be trusted.
     */
    @Override
    public <S> Void visit(InExpression in, S context) {
        if (!(in.getRightExpression() instanceof ParenthesedExpressionList<?>
                || in.getRightExpression() instanceof Select || in.getRightExpression() == null)) {
            walk.ambiguous("IN " + in.getRightExpression());
        }
        return super.visit(in, context);
    }

    @Override
    public <S> Void visit(Function function, S context) {
        walk.function(function.getName());
        return super.visit(function, context);
    }

    @Override
    public <S> Void visit(AnalyticExpression analytic, S context) {
        super.visit(analytic, context);
        return visitExpressions(analytic, context, analytic.getPartitionExpressionList(), analytic.getFilterExpression());
    }
}
