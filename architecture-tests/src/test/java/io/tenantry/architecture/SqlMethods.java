package io.tenantry.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import io.tenantry.adapters.persistence.postgres.RlsSelfCheck;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the SQL of Jdbi SQL-object methods from their annotations, as the rules need it. */
final class SqlMethods {

    private static final Set<String> SQL_ANNOTATIONS = Set.of(
            "org.jdbi.v3.sqlobject.statement.SqlQuery", "org.jdbi.v3.sqlobject.statement.SqlUpdate",
            "org.jdbi.v3.sqlobject.statement.SqlBatch", "org.jdbi.v3.sqlobject.statement.SqlCall",
            "org.jdbi.v3.sqlobject.statement.SqlScript");

    /** A tenant table named as a whole word, from the same list the startup self-check uses. */
    private static final Pattern TENANT_TABLE = Pattern.compile(
            "\\b(" + String.join("|", RlsSelfCheck.TENANT_TABLES) + ")\\b", Pattern.CASE_INSENSITIVE);

    static final DescribedPredicate<JavaMethod> ARE_SQL_METHODS =
            DescribedPredicate.describe("are SQL methods", method -> sqlOf(method).isPresent());

    static final DescribedPredicate<JavaClass> TOUCH_TENANT_TABLES = DescribedPredicate.describe(
            "run SQL on a tenant table", type -> type.getMethods().stream()
                    .anyMatch(method -> sqlOf(method).map(sql -> TENANT_TABLE.matcher(sql).find()).orElse(false)));

    private SqlMethods() {
    }

    static Optional<String> sqlOf(JavaMethod method) {
        for (JavaAnnotation<JavaMethod> annotation : method.getAnnotations()) {
            if (SQL_ANNOTATIONS.contains(annotation.getRawType().getName())) {
                Object value = annotation.get("value").orElse("");
                return Optional.of(value instanceof Object[] parts ? String.join(" ", java.util.Arrays.stream(parts)
                        .map(String::valueOf).toList()) : String.valueOf(value));
            }
        }
        return Optional.empty();
    }
}
