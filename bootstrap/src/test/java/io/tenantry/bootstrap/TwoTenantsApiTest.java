package io.tenantry.bootstrap;

import io.tenantry.bootstrap.TestServer.TestTenant;
import io.tenantry.kernel.context.Tier;
import org.junit.jupiter.api.BeforeEach;

/** End-to-end tests against the shared server, each with two fresh tenants: A on pro, B on free. */
abstract class TwoTenantsApiTest {

    protected final TestServer server = TestServer.get();
    protected final Api api = server.api;
    protected TestTenant a;
    protected TestTenant b;

    @BeforeEach
    void twoFreshTenants() {
        a = server.newTenant(Tier.PRO);
        b = server.newTenant(Tier.FREE);
    }
}
