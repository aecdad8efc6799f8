package no.samhandling.reporting.exports;

import no.samhandling.platform.test.ContainerServiceTest;

@ContainerServiceTest
class ReportsContainersTest extends ReportsComponentTest {
}
