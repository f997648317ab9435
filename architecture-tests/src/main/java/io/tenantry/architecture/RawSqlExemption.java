package io.tenantry.architecture;

import com.tngtech.archunit.core.domain.JavaClass;

import java.util.Objects;

/**
 * One infrastructure class allowed to run SQL outside SQL objects (migrations, the startup self-check, health),
 * named by its type so that a rename cannot orphan the exemption and a look-alike class cannot borrow it, and with
 * the reason a reviewer reads. Its nested and anonymous classes share it.
 */
public record RawSqlExemption(Class<?> type, String reason) {

    public RawSqlExemption {
        Objects.requireNonNull(type, "'type' must not be null");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an exemption from the SQL rules says why: " + type.getName());
        }
    }

    boolean covers(JavaClass candidate) {
        JavaClass outermost = candidate;
        while (outermost.getEnclosingClass().isPresent()) {
            outermost = outermost.getEnclosingClass().get();
        }
        return outermost.isEquivalentTo(type);
    }
}
