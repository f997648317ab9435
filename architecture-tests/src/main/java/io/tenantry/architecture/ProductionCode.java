package io.tenantry.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Imports only production classes: not test classes, and not the test-jars that carry shared test kits, so that
 * the rules judge what ships and the bad fixtures are imported only by the tests that prove the rules fail.
 */
public final class ProductionCode implements ImportOption {

    @Override
    public boolean includes(Location location) {
        return !location.contains("/test-classes/") && !location.contains("-tests.jar");
    }
}
