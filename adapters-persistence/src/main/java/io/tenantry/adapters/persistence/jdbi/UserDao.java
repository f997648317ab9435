package io.tenantry.adapters.persistence.jdbi;

import io.tenantry.domain.user.Email;
import io.tenantry.domain.user.User;
import io.tenantry.domain.user.UserId;
import io.tenantry.kernel.policy.TenantScoped;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** SQL for users; every statement is tenant-bound. */
@TenantScoped
@BindCurrentTenant
interface UserDao {

    String EMAIL_PER_TENANT = "users_email_per_tenant";

    @SqlUpdate("""
            INSERT INTO users (tenant_id, id, email, name, created_at)
            VALUES (:tenantId, :id, :email, :name, :createdAt)""")
    int insert(@Bind("id") UUID id, @Bind("email") String email, @Bind("name") String name,
               @Bind("createdAt") OffsetDateTime createdAt);

    @SqlQuery("SELECT id, email, name, created_at FROM users WHERE tenant_id = :tenantId AND id = :id")
    Optional<User> find(@Bind("id") UUID id);

    @SqlUpdate("UPDATE users SET email = :email, name = :name WHERE tenant_id = :tenantId AND id = :id")
    int update(@Bind("id") UUID id, @Bind("email") String email, @Bind("name") String name);

    /** Reads a user row. */
    final class UserMapper implements RowMapper<User> {
        @Override
        public User map(ResultSet row, StatementContext context) throws SQLException {
            return new User(new UserId(row.getObject("id", UUID.class)), new Email(row.getString("email")),
                    row.getString("name"), Columns.instant(row, "created_at"));
        }
    }
}
