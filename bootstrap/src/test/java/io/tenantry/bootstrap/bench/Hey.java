package io.tenantry.bootstrap.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs hey (Debian package {@code hey}) at a fixed request rate, as a quiet tenant sends them, and reads its latency
 * percentiles: unlike a closed loop, a fixed rate does not slow down when the server does, so queueing shows in
 * the percentiles instead of hiding in a lower throughput.
 */
final class Hey {

    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(\\d+)% in ([0-9.]+) secs", Pattern.MULTILINE);
    private static final Pattern STATUS = Pattern.compile("^\\s*\\[(\\d{3})]\\s+(\\d+) responses", Pattern.MULTILINE);

    /** What one run measured. */
    record Latency(double p50Millis, double p99Millis, long ok, long notOk) {
    }

    private Hey() {
    }

    /** {@code workers} clients, each sending {@code perWorkerPerSecond} requests a second, for {@code seconds}. */
    static Latency atRate(String url, String token, int seconds, int workers, int perWorkerPerSecond)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("hey", "-z", seconds + "s", "-c", String.valueOf(workers),
                "-q", String.valueOf(perWorkerPerSecond), "-H", "Authorization: Bearer " + token, url));
        Process hey = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(hey.getInputStream().readAllBytes());
        hey.waitFor();
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        for (Matcher m = PERCENTILE.matcher(output); m.find(); ) {
            if (m.group(1).equals("50")) {
                p50 = Double.parseDouble(m.group(2)) * 1_000;
            } else if (m.group(1).equals("99")) {
                p99 = Double.parseDouble(m.group(2)) * 1_000;
            }
        }
        long ok = 0;
        long notOk = 0;
        for (Matcher m = STATUS.matcher(output); m.find(); ) {
            if (m.group(1).startsWith("2")) {
                ok += Long.parseLong(m.group(2));
            } else {
                notOk += Long.parseLong(m.group(2));
            }
        }
        if (Double.isNaN(p99)) {
            throw new IllegalStateException("no latency distribution in hey output:\n" + output);
        }
        return new Latency(p50, p99, ok, notOk);
    }
}
