package io.tenantry.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantry.adapters.persistence.postgres.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OCI image the build makes with Jib (target/jib-image.tar): its configuration says what a container runtime
 * will do (entrypoint, JVM flags, user, port), and its layers, unpacked into a folder and run there as the image's
 * user in a mount and PID namespace of their own, serve.
 */
class ImageIT {

    private static final Path IMAGE = Path.of("target", "jib-image.tar");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path unpacked() throws IOException, InterruptedException {
        TestTools.requires(Files.exists(IMAGE), "the image, which the build makes on Linux (the image profile)");
        Path folder = Files.createTempDirectory("tenantry-image");
        run(List.of("tar", "-xf", IMAGE.toAbsolutePath().toString(), "-C", folder.toString()));
        return folder;
    }

    private static JsonNode config(Path unpacked) throws IOException {
        JsonNode manifest = JSON.readTree(unpacked.resolve("manifest.json").toFile()).get(0);
        return JSON.readTree(unpacked.resolve(manifest.get("Config").asText()).toFile());
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** The JVM settings README.md, Run it, tells users to run with. */
    private static List<String> readmeJvmFlags() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String command = readme.substring(readme.indexOf("bin/java\""), readme.indexOf("-jar bootstrap/target/tenantry.jar serve"));
        return Pattern.compile("-X[^\\s\\\\]+").matcher(command).results().map(MatchResult::group).toList();
    }

    @Test
    void theImageRunsServeWithTheRecommendedJvmSettingsAsANonRootUserOnPort8080() throws Exception {
        Path unpacked = unpacked();
        JsonNode config;
        try {
            config = config(unpacked).get("config");
        } finally {
            TestFolders.delete(unpacked);
        }
        List<String> entrypoint = strings(config.get("Entrypoint"));
        assertEquals("/opt/java/bin/java", entrypoint.getFirst());
        List<String> flags = readmeJvmFlags();
        assertTrue(flags.size() >= 5 && flags.contains("-XX:+UseSerialGC"), "the README's flags: " + flags);
        assertTrue(entrypoint.containsAll(flags), "the image runs with the README's JVM settings: " + entrypoint);
        assertEquals("io.tenantry.bootstrap.Main", entrypoint.getLast());
        assertEquals(List.of("serve"), strings(config.get("Cmd")));
        assertEquals("65532:65532", config.get("User").asText(), "not root");
        assertEquals(List.of("8080/tcp"), iterate(config.get("ExposedPorts").fieldNames()));
        List<String> environment = strings(config.get("Env"));
        assertTrue(environment.containsAll(List.of("TENANTRY_HTTP_HOST=0.0.0.0", "TENANTRY_HTTP_PORT=8080")), environment.toString());
        assertEquals("/health", config.get("Labels").get("io.tenantry.health").asText());
    }

    @Test
    void theUnpackedImageServesAsItsUserFromItsOwnRoot() throws Exception {
        File unshare = TestTools.program("TENANTRY_TEST_UNSHARE", "/usr/bin/unshare", "apt-get install util-linux");
        TestTools.requires("root".equals(System.getProperty("user.name")), "root, to enter a mount namespace");
        Path unpacked = unpacked();
        try {
            serveFrom(unpacked, unshare);
        } finally {
            TestFolders.delete(unpacked);
        }
    }

    private static void serveFrom(Path unpacked, File unshare) throws Exception {
        JsonNode config = config(unpacked);
        Path root = unpacked.resolve("root");
        Files.createDirectories(root);
        for (JsonNode layer : JSON.readTree(unpacked.resolve("manifest.json").toFile()).get(0).get("Layers")) {
            run(List.of("tar", "--warning=no-unknown-keyword", "-xzf", unpacked.resolve(layer.asText()).toString(),
                    "-C", root.toString()));
        }
        Files.createDirectories(root.resolve("proc"));
        String[] user = config.get("config").get("User").asText().split(":");
        List<String> command = new ArrayList<>(List.of(unshare.getPath(), "--mount", "--pid", "--fork",
                "--kill-child=SIGTERM", "--mount-proc=/proc", "--root=" + root,
                "--wd=" + config.get("config").get("WorkingDir").asText(), "--setuid", user[0], "--setgid", user[1]));
        command.addAll(strings(config.get("config").get("Entrypoint")));
        command.addAll(strings(config.get("config").get("Cmd")));
        Map<String, String> environment = new LinkedHashMap<>();
        strings(config.get("config").get("Env")).forEach(pair -> environment.put(pair.substring(0, pair.indexOf('=')),
                pair.substring(pair.indexOf('=') + 1)));
        try (TestDatabase database = TestDatabase.migrated(2)) {
            environment.putAll(ServiceProcess.serving(database.settings(), TestServer.SECRET));
            try (ServiceProcess served = ServiceProcess.start("image", command, environment, ServiceProcess.SERVING,
                    "/health", Map.of())) {
                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> orders = http.send(HttpRequest.newBuilder(URI.create(served.url() + "/api/orders"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(401, orders.statusCode(), "the service answers, and asks for a token: " + orders.body());
                // unshare drops its parent-death signal with the user switch: the test stops the service itself
                ProcessHandle service = served.handle().descendants().filter(process -> process.info().command()
                        .map(path -> path.endsWith("/opt/java/bin/java")).orElse(false)).findFirst().orElseThrow();
                try {
                    assertEquals(Long.parseLong(user[0]), uid(service), "the service runs as the image's user");
                } finally {
                    service.destroy();
                    assertTrue(service.onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).get() != null,
                            "SIGTERM stops the service");
                }
            }
        }
    }

    private static long uid(ProcessHandle process) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("Uid:")).findFirst()
                    .map(line -> Long.parseLong(line.split("\\s+")[1])).orElse(-1L);
        } catch (IOException gone) {
            return -1;
        }
    }

    private static List<String> iterate(java.util.Iterator<String> names) {
        List<String> all = new ArrayList<>();
        names.forEachRemaining(all::add);
        return all;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), command + ":\n" + output);
    }
}
