package io.tenantry.architecture.sql;

import net.sf.jsqlparser.schema.Table;

import java.util.HashSet;
import java.util.Set;

/**
 * The common table expressions visible at one point of a statement. A CTE shadows a table of the same name, so a
 * FROM item naming it reads the CTE, not the table; a schema-qualified name always means the table.
 */
record Scope(Set<String> cteNames) {

    static final Scope TOP = new Scope(Set.of());

    Scope {
        cteNames = Set.copyOf(cteNames);
    }

    Scope and(Set<String> moreCteNames) {
        Set<String> names = new HashSet<>(cteNames);
        names.addAll(moreCteNames);
        return new Scope(names);
    }

    boolean shadows(Table table) {
        return table.getSchemaName() == null && cteNames.contains(Identifiers.normalized(table.getName()));
    }
}
