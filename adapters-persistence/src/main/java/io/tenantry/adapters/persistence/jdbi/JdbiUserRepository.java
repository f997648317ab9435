package io.tenantry.adapters.persistence.jdbi;

import io.tenantry.application.user.UserRepository;
import io.tenantry.domain.user.User;
import io.tenantry.domain.user.UserId;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.util.Optional;

/** Users in PostgreSQL, on the application role: bound to the current tenant in SQL and by row-level security. */
public final class JdbiUserRepository implements UserRepository {

    private final UserDao dao;

    public JdbiUserRepository(Jdbi application) {
        this.dao = application.onDemand(UserDao.class);
    }

    @Override
    public void add(User user) throws EmailAlreadyUsed {
        try {
            dao.insert(user.id().value(), user.email().value(), user.name(), Columns.timestamp(user.createdAt()));
        } catch (UnableToExecuteStatementException e) {
            if (SqlErrors.isUniqueViolation(e, UserDao.EMAIL_PER_TENANT)) {
                throw new EmailAlreadyUsed();
            }
            throw e;
        }
    }

    @Override
    public Optional<User> find(UserId id) {
        return dao.find(id.value());
    }

    @Override
    public boolean update(User user) throws EmailAlreadyUsed {
        try {
            return dao.update(user.id().value(), user.email().value(), user.name()) == 1;
        } catch (UnableToExecuteStatementException e) {
            if (SqlErrors.isUniqueViolation(e, UserDao.EMAIL_PER_TENANT)) {
                throw new EmailAlreadyUsed();
            }
            throw e;
        }
    }
}
