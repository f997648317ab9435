package io.tenantry.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the SQL of Jdbi SQL-object methods as Jdbi itself would: from the statement annotation, or, under
 * {@code @UseClasspathSqlLocator}, from the {@code .sql} file the annotation (or the method's name) names. SQL that
 * Jdbi assembles at run time ({@code @Define}, template engines, custom locators) cannot be read, and is a rule of
 * its own.
 */
final class SqlMethods {

    private static final Set<String> SQL_ANNOTATIONS = Set.of(
            "org.jdbi.v3.sqlobject.statement.SqlQuery", "org.jdbi.v3.sqlobject.statement.SqlUpdate",
            "org.jdbi.v3.sqlobject.statement.SqlBatch", "org.jdbi.v3.sqlobject.statement.SqlCall",
            "org.jdbi.v3.sqlobject.statement.SqlScript");
    private static final String CLASSPATH_LOCATOR = "org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator";
    /** The Jdbi annotations that bind values, map rows or tune execution, and leave the SQL as written. */
    private static final Set<String> KEEP_THE_SQL = Set.of("SqlQuery", "SqlUpdate", "SqlBatch", "SqlCall", "SqlScript",
            "SqlScripts", "Bind", "BindBean", "BindFields", "BindMethods", "BindPojo", "BindList", "BindMap",
            "RegisterRowMapper", "RegisterRowMappers", "RegisterRowMapperFactory", "RegisterColumnMapper",
            "RegisterColumnMappers", "RegisterConstructorMapper", "RegisterBeanMapper", "RegisterFieldMapper",
            "UseRowMapper", "UseRowReducer", "UseClasspathSqlLocator",
            "UseAnnotationSqlLocator", "GetGeneratedKeys", "SingleValue", "KeyColumn", "ValueColumn", "FetchSize",
            "MaxRows", "QueryTimeOut", "Timestamped", "AllowUnusedBindings", "Transaction", "CreateSqlObject",
            "BatchChunkSize", "OutParameter");

    static final DescribedPredicate<JavaMethod> ARE_SQL_METHODS =
            DescribedPredicate.describe("are SQL methods", method -> statementAnnotation(method).isPresent());

    private SqlMethods() {
    }

    /** The statement's SQL; a located file's content when the method's SQL lives in one. */
    static Optional<String> sqlOf(JavaMethod method) {
        return statementAnnotation(method).map(annotation -> {
            Object value = annotation.get("value").orElse("");
            String text = value instanceof Object[] parts
                    ? String.join(" ", Arrays.stream(parts).map(String::valueOf).toList()) : String.valueOf(value);
            if (!locatedOnTheClasspath(method)) {
                return text;
            }
            String name = text.isBlank() ? method.getName() : text;
            return ClasspathSqlLocator.create().locate(method.getOwner().reflect(), name);
        });
    }

    /**
     * The Jdbi annotations of a SQL method, its SQL object or its parameters that are not known to leave the
     * statement as written: {@code @Define} and its kin, template engines, SQL parsers and locators other than the
     * annotation's own or the classpath. Known means listed here; anything else Jdbi offers is refused until it is.
     */
    static List<String> runTimeSqlAnnotations(JavaMethod method) {
        Stream<JavaAnnotation<?>> annotations = Stream.concat(Stream.concat(
                        method.getAnnotations().stream(), method.getOwner().getAnnotations().stream()),
                method.getParameters().stream().flatMap(parameter -> parameter.getAnnotations().stream()));
        return annotations.map(annotation -> annotation.getRawType())
                .filter(type -> (type.getPackageName().startsWith("org.jdbi.") && !KEEP_THE_SQL.contains(type.getSimpleName()))
                        || (!type.getPackageName().startsWith("org.jdbi.") && customizesJdbi(type)
                        && !type.isEquivalentTo(io.tenantry.adapters.persistence.jdbi.BindCurrentTenant.class)))
                .map(type -> "@" + type.getSimpleName()).distinct().toList();
    }

    /** An annotation of one's own that Jdbi applies to the statement, whatever it does to it. */
    private static boolean customizesJdbi(com.tngtech.archunit.core.domain.JavaClass annotation) {
        return annotation.getAnnotations().stream()
                .anyMatch(meta -> meta.getRawType().getPackageName().startsWith("org.jdbi."));
    }

    /**
     * The SQL text a method runs as the rules read it: a {@code @BindList} parameter's {@code <name>} becomes the
     * parameter it expands to, since Jdbi renders it as a list of bound values.
     */
    static Optional<String> checkedSqlOf(JavaMethod method) {
        return sqlOf(method).map(sql -> {
            String checked = sql;
            for (var parameter : method.getParameters()) {
                for (JavaAnnotation<?> annotation : parameter.getAnnotations()) {
                    if (annotation.getRawType().getName().equals("org.jdbi.v3.sqlobject.customizer.BindList")) {
                        String name = String.valueOf(annotation.get("value").orElse(""));
                        checked = checked.replace("<" + name + ">", ":" + name);
                    }
                }
            }
            return checked;
        });
    }

    private static Optional<JavaAnnotation<JavaMethod>> statementAnnotation(JavaMethod method) {
        return method.getAnnotations().stream()
                .filter(annotation -> SQL_ANNOTATIONS.contains(annotation.getRawType().getName())).findFirst();
    }

    private static boolean locatedOnTheClasspath(JavaMethod method) {
        return Stream.<HasAnnotations<?>>of(method, method.getOwner())
                .anyMatch(annotated -> annotated.isAnnotatedWith(CLASSPATH_LOCATOR));
    }
}
