package io.tenantry.bootstrap;

import io.tenantry.adapters.persistence.postgres.TestDatabase;
import io.tenantry.adapters.persistence.redis.TestRedis;
import io.tenantry.adapters.storage.TestS3;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * docs/deploy.md, run as written: every {@code bash} block in order, in one shell, with the built jar, against a
 * scratch database and fresh roles on the test server, the test Redis and the test S3 server. Only the first
 * block, the site's settings, is the test's own. A {@code text} block right after a command block lists lines its
 * output must hold, in that order ({@code …} stands for any text).
 */
class DeployGuideIT {

    private static final Path GUIDE = Path.of("..", "docs", "deploy.md");
    private static final Pattern BLOCK = Pattern.compile("```(bash|text)\\n(.*?)```", Pattern.DOTALL);

    /** A command block and what its output must hold. */
    record Step(String commands, List<String> expected) {
    }

    static List<Step> steps(String guide) {
        List<Step> steps = new ArrayList<>();
        Matcher blocks = BLOCK.matcher(guide);
        int previousEnd = -1;
        while (blocks.find()) {
            if (blocks.group(1).equals("bash")) {
                steps.add(new Step(blocks.group(2), List.of()));
            } else {
                if (steps.isEmpty() || !guide.substring(previousEnd, blocks.start()).isBlank()) {
                    throw new IllegalStateException("a text block that follows no command block: " + blocks.group(2));
                }
                Step last = steps.removeLast();
                steps.add(new Step(last.commands(), blocks.group(2).lines().toList()));
            }
            previousEnd = blocks.end();
        }
        return steps;
    }

    /** Whether {@code output} holds {@code expected}'s lines in order, each a whole line, {@code …} any text. */
    static boolean holds(List<String> output, List<String> expected) {
        int at = 0;
        for (String line : expected) {
            Pattern wanted = Pattern.compile(java.util.Arrays.stream(line.split("…", -1)).map(Pattern::quote)
                    .reduce((left, right) -> left + ".*" + right).orElse(""));
            while (at < output.size() && !wanted.matcher(output.get(at)).matches()) {
                at++;
            }
            if (at == output.size()) {
                return false;
            }
            at++;
        }
        return true;
    }

    @Test
    void theMatchingOfExpectedOutputFailsOnADifference() {
        List<String> output = List.of("INFO a log line", "applied 5 migrations to the shared database", "created x");
        assertTrue(holds(output, List.of("applied … migrations to the shared database", "created x")));
        assertFalse(holds(output, List.of("created x", "applied … migrations to the shared database")), "order counts");
        assertFalse(holds(output, List.of("applied 6 migrations to the shared database")), "text counts");
        assertFalse(holds(output, List.of("created")), "whole lines");
    }

    @Test
    void theGuideRunsAsWritten() throws Exception {
        File psql = TestTools.program("TENANTRY_TEST_PSQL", "/usr/bin/psql", "apt-get install postgresql-client");
        Path jar = Path.of("target", "tenantry.jar").toAbsolutePath();
        assertTrue(Files.exists(jar) && Files.isDirectory(jar.resolveSibling("lib")), "run after package: " + jar);
        List<Step> steps = steps(Files.readString(GUIDE));
        assertTrue(steps.size() >= 8, "the guide's steps: " + steps.size());
        assertTrue(steps.getFirst().commands().contains("export PG_ADMIN_URL="), "the first block is the site's settings");

        String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        TestDatabase.ServerLogin server = TestDatabase.serverLogin();
        Path folder = Files.createTempDirectory("tenantry-deploy");
        Files.createSymbolicLink(folder.resolve("tenantry.jar"), jar);
        Files.createSymbolicLink(folder.resolve("lib"), jar.resolveSibling("lib"));
        String site = String.join("\n",
                "export PG_ADMIN_URL='postgresql://" + server.user() + ":" + server.password() + "@" + server.host() + ":"
                        + server.port() + "/postgres'",
                "export DB_HOST=" + server.host() + " DB_PORT=" + server.port() + " DB_NAME=guide_" + suffix,
                "export OWNER=guide_owner_" + suffix + " OWNER_PASSWORD=owner-" + suffix,
                "export APP=guide_app_" + suffix + " APP_PASSWORD=app-" + suffix,
                "export BYPASS=guide_bypass_" + suffix + " BYPASS_PASSWORD=bypass-" + suffix,
                "export REDIS_URL=" + TestRedis.url(),
                "export S3_ENDPOINT=" + TestS3.endpoint() + " S3_BUCKET=" + TestS3.BUCKET + " S3_REGION=us-east-1",
                "export S3_ACCESS_KEY=test S3_SECRET_KEY=test",
                "export JWT_SECRET=a-deployment-guide-secret-" + suffix + "-of-32-bytes",
                "export HTTP_PORT=" + freePort(), "");
        StringBuilder script = new StringBuilder("set -euo pipefail\n");
        for (int i = 0; i < steps.size(); i++) {
            script.append(i == 0 ? site : steps.get(i).commands()).append("\necho '@@ step ").append(i).append(" done'\n");
        }
        Files.writeString(folder.resolve("guide.sh"), script);

        ProcessBuilder shell = new ProcessBuilder("bash", "guide.sh").directory(folder.toFile()).redirectErrorStream(true);
        shell.environment().keySet().removeIf(variable -> variable.startsWith("TENANTRY_"));
        shell.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator
                + psql.getParent() + File.pathSeparator + System.getenv("PATH"));
        Path log = folder.resolve("guide.log");
        try {
            Process run = shell.redirectOutput(log.toFile()).start();
            if (!run.waitFor(5, TimeUnit.MINUTES)) {
                run.destroyForcibly();
                fail("the guide did not finish within 5 minutes:\n" + Files.readString(log));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(0, run.exitValue(), "every command of the guide succeeds:\n" + output);
            List<List<String>> outputs = outputsByStep(output, steps.size());
            for (int i = 0; i < steps.size(); i++) {
                assertTrue(holds(outputs.get(i), steps.get(i).expected()), "step " + i + " of docs/deploy.md printed\n"
                        + String.join("\n", outputs.get(i)) + "\nbut the guide says\n"
                        + String.join("\n", steps.get(i).expected()));
            }
            String served = Files.readString(folder.resolve("serve.log"));
            List<String> secrets = List.of("owner-" + suffix, "app-" + suffix, "bypass-" + suffix,
                    "a-deployment-guide-secret-" + suffix);
            assertTrue(secrets.stream().allMatch(script.toString()::contains), "positive control: the site's block holds them");
            for (String secret : secrets) {
                assertFalse(output.contains(secret) || served.contains(secret), "no step and no log prints " + secret);
            }
        } finally {
            stopServer(folder);
            TestFolders.delete(folder);
            TestDatabase.executeOnServer("DROP DATABASE IF EXISTS guide_" + suffix + " WITH (FORCE)");
            for (String role : List.of("owner", "app", "bypass")) {
                TestDatabase.executeOnServer("DROP ROLE IF EXISTS guide_" + role + "_" + suffix);
            }
        }
    }

    private static List<List<String>> outputsByStep(String output, int steps) {
        List<List<String>> outputs = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : output.lines().toList()) {
            if (line.matches("@@ step \\d+ done")) {
                outputs.add(current);
                current = new ArrayList<>();
            } else {
                current.add(line);
            }
        }
        assertEquals(steps, outputs.size(), "every step ran:\n" + output);
        return outputs;
    }

    /** The guide stops its server itself; if it failed before that, the test does. */
    private static void stopServer(Path folder) throws IOException {
        Path pid = folder.resolve("serve.pid");
        if (Files.exists(pid)) {
            ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
