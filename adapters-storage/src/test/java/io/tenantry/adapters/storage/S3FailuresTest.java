package io.tenantry.adapters.storage;

import io.tenantry.application.health.DependencyUnavailable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.model.S3Exception;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class S3FailuresTest {

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 429})
    void serverErrorsAndThrottlingAreAnUnavailableDependency(int status) {
        assertThrows(DependencyUnavailable.class, () -> S3ObjectStorage.call(() -> {
            throw (S3Exception) S3Exception.builder().statusCode(status).message("busy").build();
        }));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 404})
    void clientErrorsStayWhatTheyAre(int status) {
        S3Exception refused = (S3Exception) S3Exception.builder().statusCode(status).message("no").build();
        assertSame(refused, assertThrows(S3Exception.class, () -> S3ObjectStorage.call(() -> {
            throw refused;
        })));
    }
}
