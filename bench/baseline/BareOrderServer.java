import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.tenantry.adapters.web.http.JsonCodec;
import io.tenantry.adapters.web.json.OrderJson;
import io.tenantry.domain.order.Order;
import io.tenantry.domain.order.OrderId;
import io.tenantry.domain.order.OrderLine;
import io.tenantry.domain.order.OrderStatus;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The isolation bench's baseline: {@code GET /api/orders/{id}} with Javalin, Jdbi and HikariCP and nothing else. The
 * tenant comes from an {@code X-Tenant} header (no authentication), the read runs on the table owner's role (which
 * row-level security does not apply to) with an explicit {@code WHERE tenant_id}, and the order is serialised with
 * the product's JSON code, so the body is byte for byte the product's. Run by bench/isolation-cost.sh in a process of
 * its own, so its JIT, heap and GC never mix with the product's.
 *
 * <p>Usage: {@code java -cp CLASSPATH bench/baseline/BareOrderServer.java JDBC_URL USER PASSWORD POOL_SIZE}; prints
 * {@code listening on PORT} when it serves.
 */
public final class BareOrderServer {

    private static final String SELECT = """
            SELECT o.id, o.customer, o.status, o.created_at, o.updated_at, l.skus, l.quantities, l.prices
            FROM orders o CROSS JOIN LATERAL (
              SELECT array_agg(x.sku ORDER BY x.line_no) AS skus, array_agg(x.quantity ORDER BY x.line_no) AS quantities,
                     array_agg(x.unit_price_cents ORDER BY x.line_no) AS prices
              FROM order_lines x WHERE x.tenant_id = :tenantId AND x.order_id = o.id) l
            WHERE o.tenant_id = :tenantId AND o.id = :id""";

    public static void main(String[] args) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(args[0]);
        pool.setUsername(args[1]);
        pool.setPassword(args[2]);
        pool.setMaximumPoolSize(Integer.parseInt(args[3]));
        Jdbi jdbi = Jdbi.create(pool);
        JsonCodec json = new JsonCodec();
        Javalin app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.routes.get("/api/orders/{id}", ctx -> {
                Optional<Order> order = find(jdbi, ctx.header("X-Tenant"), UUID.fromString(ctx.pathParam("id")));
                if (order.isPresent()) {
                    ctx.contentType("application/json").result(json.write(OrderJson.from(order.get())));
                } else {
                    ctx.status(404).contentType("application/problem+json").result("{\"status\":404}");
                }
            });
        }).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            pool.close();
        }));
        System.out.println("listening on " + app.port());
    }

    private static Optional<Order> find(Jdbi jdbi, String tenant, UUID id) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT).bind("tenantId", tenant).bind("id", id)
                .map((row, context) -> order(row)).findOne());
    }

    private static Order order(ResultSet row) throws SQLException {
        String[] skus = (String[]) row.getArray("skus").getArray();
        Integer[] quantities = (Integer[]) row.getArray("quantities").getArray();
        Long[] prices = (Long[]) row.getArray("prices").getArray();
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < skus.length; i++) {
            lines.add(new OrderLine(skus[i], quantities[i], prices[i]));
        }
        return new Order(new OrderId(row.getObject("id", UUID.class)), row.getString("customer"),
                OrderStatus.fromWireName(row.getString("status")).orElseThrow(), lines,
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
