package io.tenantry.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP server run in a process of its own (the service as deployed, or the benches' baseline): started from a command line, its port read from the line it
 * prints when it listens, ready once a request answers 200, stopped with SIGTERM. Its output is drained (the last
 * lines are kept for the error message when it fails to start).
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(90);

    /** One HTTP answer. */
    public record Answer(int status, String body) {
    }

    private final String name;
    private final Process process;
    private final int port;
    private final long startupMillis;

    private ServiceProcess(String name, Process process, int port, long startupMillis) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.startupMillis = startupMillis;
    }

    /**
     * Starts {@code command} with {@code environment} added, reads the port from the first line that contains
     * {@code portMarker} (a number or a URL's port right after it), and waits until {@code readyPath}
     * answers 200 with {@code readyHeaders}; the time from the process start to that answer is its startup time.
     */
    public static ServiceProcess start(String name, List<String> command, Map<String, String> environment, String portMarker,
                        String readyPath, Map<String, String> readyHeaders) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(variable -> variable.startsWith("TENANTRY_"));
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Deque<String> lastLines = new ArrayDeque<>();
        Thread.ofPlatform().daemon().name(name + "-output").start(() -> drain(process, portMarker, port, lastLines));
        try {
            int listening = port.get(STARTUP_LIMIT.toSeconds(), TimeUnit.SECONDS);
            ServiceProcess server = new ServiceProcess(name, process, listening, 0);
            long deadline = started + STARTUP_LIMIT.toNanos();
            while (server.get(readyPath, readyHeaders).status() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException(name + " never answered 200 on " + readyPath);
                }
                Thread.sleep(5);
            }
            return new ServiceProcess(name, process, listening, (System.nanoTime() - started) / 1_000_000);
        } catch (Exception failure) {
            process.destroyForcibly();
            synchronized (lastLines) {
                throw new IllegalStateException(name + " did not start: " + failure + "\n" + String.join("\n", lastLines), failure);
            }
        }
    }

    /**
     * The environment of {@code tenantry serve} on an already-migrated database: its serving roles, the migrator
     * only for the record ({@code TENANTRY_DB_MIGRATE=false}), a listener on a free loopback port, no demo data.
     */
    public static Map<String, String> serving(io.tenantry.adapters.persistence.postgres.PostgresSettings database,
                                              String jwtSecret) {
        return new java.util.LinkedHashMap<>(Map.ofEntries(
                Map.entry("TENANTRY_DB_URL", database.url()), Map.entry("TENANTRY_DB_USER", database.migrator().user()),
                Map.entry("TENANTRY_DB_PASSWORD", database.migrator().password()),
                Map.entry("TENANTRY_DB_APP_USER", database.app().user()),
                Map.entry("TENANTRY_DB_APP_PASSWORD", database.app().password()),
                Map.entry("TENANTRY_DB_BYPASS_USER", database.bypass().user()),
                Map.entry("TENANTRY_DB_BYPASS_PASSWORD", database.bypass().password()),
                Map.entry("TENANTRY_DB_MIGRATE", "false"), Map.entry("TENANTRY_JWT_SECRET", jwtSecret),
                Map.entry("TENANTRY_HTTP_HOST", "127.0.0.1"), Map.entry("TENANTRY_HTTP_PORT", "0"),
                Map.entry("TENANTRY_DEMO", "false"), Map.entry("TENANTRY_LOG_LEVEL", "WARN")));
    }

    /** The line {@code serve} prints once it listens, which names its port. */
    public static final String SERVING = "Tenantry is serving at ";

    private static void drain(Process process, String portMarker, CompletableFuture<Integer> port, Deque<String> lastLines) {
        Pattern number = Pattern.compile("^(?:http://[^:/]+:)?(\\d+)");
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            String line;
            while ((line = output.readLine()) != null) {
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 60) {
                        lastLines.removeFirst();
                    }
                }
                int at = line.indexOf(portMarker);
                if (at >= 0 && !port.isDone()) {
                    Matcher matcher = number.matcher(line.substring(at + portMarker.length()));
                    if (matcher.find()) {
                        port.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
            }
            port.completeExceptionally(new IOException("the process ended"));
        } catch (IOException e) {
            port.completeExceptionally(e);
        }
    }

    /** The process started, whose descendants are the service when the command wraps it (as {@code unshare} does). */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public long startupMillis() {
        return startupMillis;
    }

    /** GET {@code path} as {@code tenant} with {@code token} (the baseline reads the one, the product the other). */
    public Answer get(String path, String tenant, String token) throws IOException, InterruptedException {
        return get(path, Map.of("X-Tenant", tenant, "Authorization", "Bearer " + token));
    }

    private Answer get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException refused) {
            return new Answer(0, refused.toString());
        }
    }

    /** CPU time the process has used so far (user and system), from /proc, in milliseconds. */
    public long cpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields 14 and 15 of stat(5), counted from the state (field 3) here, in clock ticks of 10 ms
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    /** The resident set of the process, from /proc. */
    public long rssMiB() throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:")).findFirst()
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1_024).orElse(-1L);
    }

    /** The heap in use right after a full GC (jcmd GC.run, then GC.heap_info). */
    public String heapAfterGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        // G1 prints one "garbage-first heap ... used NK" line, the serial collector "DefNew" and "Tenured" lines
        Pattern used = Pattern.compile("^\\s*(?:garbage-first heap|DefNew|Tenured)\\s.*used (\\d+)K");
        long kib = jcmd("GC.heap_info").lines().map(used::matcher).filter(Matcher::find)
                .mapToLong(match -> Long.parseLong(match.group(1))).sum();
        return kib == 0 ? "unknown" : (kib / 1_024) + " MiB";
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid()), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor();
        return output;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
