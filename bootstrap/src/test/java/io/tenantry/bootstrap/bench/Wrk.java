package io.tenantry.bootstrap.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs wrk (Debian package {@code wrk}) against one URL and reads its Requests/sec. */
final class Wrk {

    private Wrk() {
    }

    static double run(String url, String token, int seconds, int connections) throws IOException, InterruptedException {
        String output = wrk(2, url, token, seconds, connections);
        if (output.contains("Non-2xx")) {
            throw new IllegalStateException("wrk saw errors:\n" + output);
        }
        return number(output, "Requests/sec:");
    }

    /**
     * Runs wrk (2 threads) with a Lua {@code script} that builds each request, {@code environment} added for the
     * script to read; fails on any non-2xx answer or socket error, returns the requests per second.
     */
    static Latency script(String url, Path script, Map<String, String> environment, int seconds, int connections)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
                "-s", script.toString(), url).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process wrk = builder.start();
        String output = new String(wrk.getInputStream().readAllBytes());
        wrk.waitFor();
        if (output.contains("Non-2xx") || output.contains("Socket errors")) {
            throw new IllegalStateException("wrk saw errors against " + url + ":\n" + output);
        }
        return new Latency(number(output, "Requests/sec:"), millis(output, "50%"), millis(output, "99%"), 0);
    }

    /** What one wrk run measured: throughput, the 50th and 99th percentile latency, and how many answers were not 2xx. */
    record Latency(double requestsPerSecond, double p50Millis, double p99Millis, long non2xx) {
    }

    /** As {@link #run}, reading the latency distribution and counting non-2xx answers instead of failing on them. */
    static Latency latency(String url, String token, int seconds, int connections) throws IOException, InterruptedException {
        String output = wrk(1, url, token, seconds, connections);
        return new Latency(number(output, "Requests/sec:"), millis(output, "50%"), millis(output, "99%"),
                output.lines().filter(line -> line.strip().startsWith("Non-2xx")).findFirst()
                        .map(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).strip())).orElse(0L));
    }

    /** Runs wrk with {@code threads} threads and returns what it printed. */
    private static String wrk(int threads, String url, String token, int seconds, int connections)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--latency"));
        if (token != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        command.add(url);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes());
        wrk.waitFor();
        return output;
    }

    private static double number(String output, String label) {
        return output.lines().map(String::strip).filter(line -> line.startsWith(label)).findFirst()
                .map(line -> Double.parseDouble(line.substring(label.length()).strip()))
                .orElseThrow(() -> new IllegalStateException("no " + label + " in wrk output:\n" + output));
    }

    /** A percentile line of {@code --latency}, e.g. {@code 99%   12.34ms}, in milliseconds. */
    private static double millis(String output, String percentile) {
        String value = output.lines().map(String::strip).filter(line -> line.startsWith(percentile + " ")).findFirst()
                .map(line -> line.substring(percentile.length()).strip())
                .orElseThrow(() -> new IllegalStateException("no " + percentile + " in wrk output:\n" + output));
        double number = Double.parseDouble(value.replaceAll("[a-z]+$", ""));
        return value.endsWith("us") ? number / 1_000 : value.endsWith("ms") ? number : number * 1_000;
    }

    /** Fails unless {@code url} answers 200, so a broken setup is not measured. */
    static void check(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
