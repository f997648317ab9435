package io.tenantry.adapters.persistence.memory;

import io.tenantry.kernel.cache.TenantCache;
import io.tenantry.kernel.testing.TenantCacheContract;

import java.time.Clock;

class InMemoryTenantCacheTest extends TenantCacheContract {

    @Override
    protected TenantCache freshCache() {
        return new InMemoryTenantCache(Clock.systemUTC());
    }
}
