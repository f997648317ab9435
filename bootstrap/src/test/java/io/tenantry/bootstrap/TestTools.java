package io.tenantry.bootstrap;

import java.io.File;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The programs some tests drive besides the server (Debian's chromium and chromedriver, Prometheus and promtool),
 * found at their Debian paths or where a variable names them. Where one is missing the test is skipped, unless
 * {@code TENANTRY_TEST_TOOLS=required}, which CI sets after installing them: there a missing program fails the test.
 */
final class TestTools {

    private TestTools() {
    }

    /** Skips the test unless {@code holds} ({@code needs} says what it needs), or fails it where tools are required. */
    static void requires(boolean holds, String needs) {
        if (!holds && "required".equals(System.getenv("TENANTRY_TEST_TOOLS"))) {
            throw new IllegalStateException("TENANTRY_TEST_TOOLS=required but this test cannot run here: it needs " + needs);
        }
        assumeTrue(holds, "this test needs " + needs);
    }

    /** The program {@code variable} names, else {@code debianPath}; {@code installedBy} says how to get it. */
    static File program(String variable, String debianPath, String installedBy) {
        String named = System.getenv(variable);
        File program = new File(named == null || named.isBlank() ? debianPath : named);
        if (!program.canExecute() && "required".equals(System.getenv("TENANTRY_TEST_TOOLS"))) {
            throw new IllegalStateException("TENANTRY_TEST_TOOLS=required but " + program + " is missing ("
                    + installedBy + ", or set " + variable + ")");
        }
        assumeTrue(program.canExecute(), program + " is not here (" + installedBy + "): this test needs it");
        return program;
    }
}
