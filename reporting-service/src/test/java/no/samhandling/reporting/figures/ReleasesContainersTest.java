package no.samhandling.reporting.figures;

import no.samhandling.platform.test.ContainerServiceTest;

@ContainerServiceTest
class ReleasesContainersTest extends ReleasesComponentTest {
}
