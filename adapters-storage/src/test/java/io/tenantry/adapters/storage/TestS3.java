package io.tenantry.adapters.storage;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The S3-compatible server of this test JVM: the one named by {@code TENANTRY_TEST_S3_URL} (with a bucket
 * {@code tenantry}), or S3Mock started once as its own process from the Maven artifact otherwise.
 */
public final class TestS3 {

    /** The bucket every test uses, each under a key prefix of its own. */
    public static final String BUCKET = "tenantry";
    private static final URI ENDPOINT = resolve();

    private TestS3() {
    }

    /** The server's endpoint, for a process the test starts. */
    public static URI endpoint() {
        return ENDPOINT;
    }

    /** Settings with a key prefix no other test uses. */
    static S3Settings freshSettings() {
        return new S3Settings(ENDPOINT, "us-east-1", BUCKET, "test-" + UUID.randomUUID() + "/", "test", "test");
    }

    /** A client of {@code settings} whose calls pass through {@code interceptor}, to inject failures. */
    static S3Client client(S3Settings settings, ExecutionInterceptor interceptor) {
        return S3Client.builder()
                .endpointOverride(settings.endpoint())
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(),
                        settings.secretKey())))
                .forcePathStyle(true)
                .httpClient(Apache5HttpClient.create())
                .overrideConfiguration(override -> override.addExecutionInterceptor(interceptor))
                .build();
    }

    private static URI resolve() {
        String configured = System.getenv("TENANTRY_TEST_S3_URL");
        if (configured != null && !configured.isBlank()) {
            return URI.create(configured);
        }
        try {
            int http = freePort();
            int https = freePort();
            Path log = Files.createTempFile("s3mock", ".log");
            Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-jar", System.getProperty("s3mock.jar"),
                    "--server.port=" + https, "--com.adobe.testing.s3mock.httpPort=" + http)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::destroy, "s3mock-stop"));
            URI endpoint = URI.create("http://127.0.0.1:" + http);
            awaitBucket(endpoint, server, log);
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start S3Mock", e);
        }
    }

    private static void awaitBucket(URI endpoint, Process server, Path log) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("S3Mock exited:\n" + Files.readString(log));
            }
            try {
                HttpURLConnection create = (HttpURLConnection) endpoint.resolve("/" + BUCKET).toURL().openConnection();
                create.setRequestMethod("PUT");
                int status = create.getResponseCode();
                if (status == 200 || status == 409) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("S3Mock did not start within 60 s:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
