package io.tenantry.bootstrap;

import io.tenantry.adapters.persistence.postgres.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line as an operator meets it, each command a process of its own against a migrated database: the
 * {@code tenants} verbs with their outputs, refusals and audit trail, the platform tenant that {@code migrate}
 * ensures, the warning for a mistyped setting, and a wrong value as one line and status 2.
 */
class CommandLineTest {

    private static TestDatabase database;

    /** What a command printed and how it ended. */
    record Outcome(int status, String out, List<String> err) {
    }

    @BeforeAll
    static void database() {
        database = TestDatabase.migrated(2);
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    private static Map<String, String> serving() {
        return ServiceProcess.serving(database.settings(), TestServer.SECRET);
    }

    static Outcome run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("tenantry-cli");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("TENANTRY_"));
        builder.environment().putAll(environment);
        Path out = folder.resolve("out");
        Path err = folder.resolve("err");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the command ends: " + command);
            return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readAllLines(err).stream().filter(line -> !line.isBlank()).toList());
        } finally {
            TestFolders.delete(folder);
        }
    }

    private static String newId() {
        return "cli-" + Integer.toHexString(ThreadLocalRandom.current().nextInt() & 0xffffff);
    }

    @Test
    void tenantsAreCreatedListedSuspendedAndActivatedThroughTheAuditedBypass() throws Exception {
        String id = newId();
        Outcome created = run(serving(), "tenants", "create", "--id", id, "--name", "Cli Corp", "--tier", "pro",
                "--reason", "TICKET-7 onboarding");
        assertEquals(0, created.status(), created.toString());
        assertEquals("created tenant " + id + " (Cli Corp, pro, active)\n", created.out());

        Outcome listed = run(serving(), "tenants", "list", "--reason", "TICKET-7 check");
        assertEquals(0, listed.status(), listed.toString());
        assertTrue(listed.out().lines().anyMatch(line -> line.matches(id + " +pro +active +shared +Cli Corp")), listed.out());

        Outcome suspended = run(serving(), "tenants", "suspend", id, "--reason", "TICKET-8 unpaid");
        assertEquals("suspended tenant " + id + " (Cli Corp, pro, suspended)\n", suspended.out(), suspended.toString());
        Outcome activated = run(serving(), "tenants", "activate", id, "--reason", "TICKET-8 paid");
        assertEquals("activated tenant " + id + " (Cli Corp, pro, active)\n", activated.out(), activated.toString());

        String audit = database.query("SELECT string_agg(action || '|' || actor || '|' || source || '|' || justification,"
                + " E'\\n' ORDER BY seq) FROM audit_log WHERE actor = 'cli' AND justification LIKE '%TICKET-%'");
        List<String> events = audit.lines().toList();
        assertTrue(events.stream().anyMatch(event -> event.contains("|cli|cli|") && event.endsWith("; reason: TICKET-7 onboarding")),
                audit);
        assertTrue(events.stream().anyMatch(event -> event.endsWith("; reason: TICKET-8 unpaid")), audit);
        assertTrue(events.stream().anyMatch(event -> event.endsWith("; reason: TICKET-8 paid")), audit);
        assertTrue(events.stream().anyMatch(event -> event.endsWith("; reason: TICKET-7 check")), "a listing too: " + audit);
    }

    @Test
    void aRefusedCommandIsOneLineAndStatus1AndAWrongOneStatus2() throws Exception {
        String id = newId();
        Outcome first = run(serving(), "tenants", "create", "--id", id, "--name", "Once", "--tier", "free", "--reason", "r");
        assertEquals(0, first.status(), "positive control: the first create succeeds " + first);
        Outcome again = run(serving(), "tenants", "create", "--id", id, "--name", "Twice", "--tier", "free", "--reason", "r");
        assertEquals(new Outcome(1, "", List.of("tenantry: tenant '" + id + "' exists already")), again);
        String missing = newId();
        assertEquals(new Outcome(1, "", List.of("tenantry: no tenant '" + missing + "'")),
                run(serving(), "tenants", "suspend", missing, "--reason", "r"));

        Outcome noReason = run(serving(), "tenants", "create", "--id", newId(), "--name", "N", "--tier", "pro");
        assertEquals(new Outcome(2, "", List.of("tenantry: tenants create needs --reason: why, in the audit log")), noReason);
        Outcome badTier = run(serving(), "tenants", "create", "--id", newId(), "--name", "N", "--tier", "gold",
                "--reason", "r");
        assertEquals(new Outcome(2, "", List.of("tenantry: --tier must be free, pro or enterprise, not 'gold'")), badTier);
        Outcome unknown = run(serving(), "tenants", "rename", "x", "--reason", "r");
        assertEquals(2, unknown.status());
        assertEquals(1, unknown.err().size(), unknown.toString());
        assertTrue(unknown.err().getFirst().startsWith("tenantry: unknown tenants command 'rename'"), unknown.toString());
    }

    @Test
    void migrateEnsuresThePlatformTenantOnceAndTheCommandsNeedADatabase() throws Exception {
        try (TestDatabase empty = TestDatabase.create(2)) {
            Map<String, String> migrator = new HashMap<>(ServiceProcess.serving(empty.settings(), TestServer.SECRET));
            migrator.remove("TENANTRY_DB_MIGRATE");
            Outcome first = run(migrator, "migrate");
            assertEquals(0, first.status(), first.toString());
            assertTrue(first.out().contains("created the platform operators' tenant 'platform'"), first.out());
            Outcome second = run(migrator, "migrate");
            assertTrue(second.out().contains("applied 0 migrations to the shared database"), second.out());
            assertTrue(second.out().contains("the platform operators' tenant 'platform' exists"), second.out());
            assertEquals("1", empty.query("SELECT count(*) FROM tenants WHERE id = 'platform'"));
        }
        Outcome embedded = run(Map.of(), "tenants", "list", "--reason", "r");
        assertEquals(2, embedded.status(), embedded.toString());
        assertTrue(embedded.err().getFirst().startsWith("tenantry: tenants needs TENANTRY_DB_URL"), embedded.toString());
    }

    @Test
    void aMistypedSettingWarnsAndConfigShowsTheSettingsMasked() throws Exception {
        Map<String, String> settings = new HashMap<>(serving());
        settings.put("TENANTRY_LIMT_PRO", "5");
        Outcome shown = run(settings, "config");
        assertEquals(0, shown.status(), shown.toString());
        assertEquals(List.of("tenantry: warning: unknown setting TENANTRY_LIMT_PRO (did you mean TENANTRY_LIMIT_PRO?)"),
                shown.err());
        assertTrue(shown.out().contains("TENANTRY_JWT_SECRET=****\n"), shown.out());
        assertTrue(shown.out().contains("TENANTRY_DB_APP_PASSWORD=****\n"), shown.out());
        assertTrue(shown.out().contains("TENANTRY_LIMIT_PRO (default)\n"), shown.out());
        assertTrue(shown.out().contains("TENANTRY_DB_URL=" + database.settings().url() + "\n"), shown.out());
        assertFalse(shown.out().contains(TestServer.SECRET) || shown.out().contains(database.settings().app().password()),
                shown.out());
    }

    @Test
    void aWrongValueStopsTheStartInOneLineWithStatus2() throws Exception {
        Map<String, String> wrongs = Map.of(
                "TENANTRY_JWT_SECRET", "tenantry: TENANTRY_JWT_SECRET must be at least 32 bytes, was 5",
                "TENANTRY_JWT_ALGORITHM", "tenantry: TENANTRY_JWT_ALGORITHM must be one of HS256, RS256, ES256, was 'HS512'",
                "TENANTRY_LIMIT_PRO", "tenantry: TENANTRY_LIMIT_PRO must be an integer, 1 or more, was '-1'",
                "TENANTRY_DB_URL", "tenantry: TENANTRY_DB_URL must be a PostgreSQL JDBC URL such as"
                        + " jdbc:postgresql://db:5432/tenantry, was 'postgres://db/x?password=****'");
        Map<String, String> values = Map.of("TENANTRY_JWT_SECRET", "short", "TENANTRY_JWT_ALGORITHM", "HS512",
                "TENANTRY_LIMIT_PRO", "-1", "TENANTRY_DB_URL", "postgres://db/x?password=hunter2");
        for (var wrong : wrongs.entrySet()) {
            Map<String, String> settings = new HashMap<>(serving());
            settings.put(wrong.getKey(), values.get(wrong.getKey()));
            assertEquals(new Outcome(2, "", List.of(wrong.getValue())), run(settings, "serve"), wrong.getKey());
        }
    }
}
