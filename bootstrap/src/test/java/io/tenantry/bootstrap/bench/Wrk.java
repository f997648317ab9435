package io.tenantry.bootstrap.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Runs wrk (Debian package {@code wrk}) against one URL and reads its Requests/sec. */
final class Wrk {

    private Wrk() {
    }

    static double run(String url, String token, int seconds, int connections) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency"));
        if (token != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        command.add(url);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes());
        wrk.waitFor();
        if (output.contains("Non-2xx")) {
            throw new IllegalStateException("wrk saw errors:\n" + output);
        }
        return output.lines().filter(line -> line.startsWith("Requests/sec:")).findFirst()
                .map(line -> Double.parseDouble(line.substring("Requests/sec:".length()).strip()))
                .orElseThrow(() -> new IllegalStateException("no Requests/sec in wrk output:\n" + output));
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
