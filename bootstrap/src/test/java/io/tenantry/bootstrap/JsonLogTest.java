package io.tenantry.bootstrap;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped logging configuration: text by default, one JSON object per line with TENANTRY_LOG_FORMAT=json. */
class JsonLogTest {

    @Test
    void theJsonFormatCarriesTheRequestIdTenantAndRouteAsFields() throws Exception {
        List<String> lines = logOneRequestLine("json");
        assertEquals(1, lines.size(), lines.toString());
        JsonNode line = Json.parse(lines.getFirst());
        assertEquals("INFO", line.get("level").asText());
        assertEquals("io.tenantry.http", line.get("loggerName").asText());
        assertTrue(line.get("message").asText().startsWith("GET /api/orders 200"), line.toString());
        JsonNode fields = line.get("mdc");
        assertEquals("req-1", fields.get("requestId").asText());
        assertEquals("acme", fields.get("tenant").asText());
        assertEquals("/api/orders", fields.get("route").asText());
    }

    @Test
    void theDefaultFormatIsTextForPeople() throws Exception {
        List<String> lines = logOneRequestLine("text");
        assertEquals(1, lines.size(), lines.toString());
        assertFalse(lines.getFirst().startsWith("{"), "not JSON: " + lines.getFirst());
        assertTrue(lines.getFirst().contains("[req-1] [acme] io.tenantry.http - GET /api/orders 200"), lines.getFirst());
    }

    /** Configures a fresh logging context from the shipped file in {@code format} and logs a request's line. */
    private static List<String> logOneRequestLine(String format) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        try {
            context.putProperty("TENANTRY_LOG_FORMAT", format);
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(JsonLogTest.class.getResource("/logback.xml"));
            // the configured console appender, writing here instead of to the console
            ((ch.qos.logback.core.OutputStreamAppender<?>) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                    .getAppender(format)).setOutputStream(captured);
            try (var requestId = MDC.putCloseable("requestId", "req-1"); var tenant = MDC.putCloseable("tenant", "acme");
                 var route = MDC.putCloseable("route", "/api/orders")) {
                context.getLogger("io.tenantry.http").info("GET /api/orders 200 3ms tenant=acme request=req-1");
            }
        } finally {
            context.stop();
        }
        return captured.toString(StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
    }
}
